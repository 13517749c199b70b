// Text decoding in the browser (formats/text_encoding.h, the command line's decoder): a UTF-8 roster with one bad byte
// is refused with the CLI's line and changes nothing — it is not re-read as GBK with every name garbled (张三 →
// 寮犱笁) — and a GBK roster, what Excel in China saves, is shown first, naming GBK with its first lines, and imports
// with its names intact once the user confirms (or not at all when they cancel).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

const header = '户编号,户主,村,政策,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资';
const rows = ['G-1,张三,某村,yunnan/changning,2022,脱贫户,张三,1975,县内务工,10,3000',
  'G-1,张三,某村,yunnan/changning,2022,脱贫户,李梅,1978,县内务工,12,800',
  'G-2,王芳,新村,yunnan/changning,2022,脱贫户,王芳,1980,县内务工,6,2500',
  'G-3,赵强,新村,yunnan/changning,2022,一般农户,赵强,1990,省外务工,11,4200',
  'G-4,韦光明,新村,yunnan/changning,2022,一般农户,韦光明,1962,县内务工,4,1800'];
const gbk = (text) => execFileSync('/usr/bin/python3',
  ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gbk"))'], { input: text });

// Picks a roster file through the roster view's import button.
async function importRoster(page, name, buffer) {
  const opened = await page.evaluate(() => window.zengshou.filesOpened || 0);
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  await page.waitForFunction((n) => (window.zengshou.filesOpened || 0) > n, opened);
  await frames(page, 3);
  return state(page);
}

// The user's roster before each file: one household, U-1, from UTF-8.
async function startWithRoster(page) {
  await openApp(page, server.url);
  await clickAnchor(page, 'tab_roster');
  const s = await importRoster(page, 'utf8.csv', Buffer.from(`${header}\r\n${rows[0].replace('G-1', 'U-1')}\r\n`));
  assert.deepEqual(s.open_errors, []);
  assert.equal(s.roster.households, 1);
  return s.roster;
}

describe('text decoding in the browser', () => {
  test('a UTF-8 roster with one bad byte is refused with the CLI\'s line, the roster unchanged', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const roster = await startWithRoster(page);
    // 梅's last UTF-8 byte made C0, on line 3: the whole file would read as GBK, as 寮犱笁 and the like.
    const file = join(repoRoot, 'tests/bad-input/csv-utf8-bad-byte.csv');
    let cli = '';
    try {
      execFileSync(join(repoRoot, 'build/native/zengshou'), ['batch', file], { stdio: 'pipe' });
    } catch (e) {
      assert.equal(e.status, 2);
      cli = e.stderr.toString();
    }
    assert.equal(cli, 'error: line 3: expected UTF-8 text (save the spreadsheet as CSV UTF-8)\n');

    const s = await importRoster(page, 'bad-byte.csv', readFileSync(file));
    assert.deepEqual(s.open_errors, [cli.trimEnd()]);
    assert.ok(s.anchors.close_errors, 'the error window is shown');
    assert.equal(s.import_preview, null);
    assert.deepEqual(s.roster, roster);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a GBK roster is shown naming GBK with its first lines, and imports intact once confirmed', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const roster = await startWithRoster(page);
    const text = [header, ...rows].join('\r\n') + '\r\n';
    const bytes = gbk(text);
    assert.deepEqual([...bytes.subarray(bytes.indexOf('G-1,') + 4).subarray(0, 4)], [0xD5, 0xC5, 0xC8, 0xFD]);  // 张三

    // Cancelled: nothing changes.
    let s = await importRoster(page, 'gbk.csv', bytes);
    assert.equal(s.import_preview.encoding, 'gbk');
    assert.match(s.import_preview.title, /GBK/);
    assert.deepEqual(s.import_preview.lines, [header, ...rows.slice(0, 4)]);  // the first five lines, decoded
    assert.deepEqual(s.roster, roster);
    assert.ok(s.anchors.import_preview_import && s.anchors.import_preview_cancel);
    await page.screenshot({ path: join(artifacts, 'import-preview-gbk.png') });
    await clickAnchor(page, 'import_preview_cancel');
    s = await state(page);
    assert.equal(s.import_preview, null);
    assert.deepEqual(s.open_errors, []);
    assert.deepEqual(s.roster, roster);

    // Confirmed: four households more, their names as written.
    s = await importRoster(page, 'gbk.csv', bytes);
    assert.equal(s.import_preview.encoding, 'gbk');
    await clickAnchor(page, 'import_preview_import');
    s = await state(page);
    assert.equal(s.import_preview, null);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.roster.households, 5);
    // Sorted by id: the file's households before the roster's own U-1.
    assert.deepEqual(s.roster.first_rows.map((r) => [r.id, r.head]), [['G-1', '张三'], ['G-2', '王芳'], ['G-3', '赵强']]);
    await typeInto(page, 'roster_filter', '韦');
    s = await state(page);
    assert.deepEqual(s.roster.first_rows.map((r) => [r.id, r.head]), [['G-4', '韦光明']]);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
