// Every name a person types renders (issue 18, item 4): the first frame draws with the small UI font; the full font
// (every CJK ideograph) follows, and the app adds the characters of the text it holds to its glyph atlas. Checked in
// pixels: a name with 婧 (GB2312 level 2) and 昇 (not in GB2312) is drawn with its own glyphs once the full font is
// in, where before it showed placeholders; a character no font here has (鿐, U+9FD0) keeps the placeholder; names
// the UI font had do not change. The atlas stays small (the characters shown, not 20 932), and every name goes out
// unchanged in the CSV and the Excel the roster exports, the characters the font lacks too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, decodePng, frames, launch, openApp, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Heads sorted by id: F1's characters come with the full font, F2's with no font here, F3's are in the UI font; F4's
// is beyond 16 bits (𠀀, U+20000), which the atlas cannot hold.
const heads = { F1: '婧昇', F2: '鿐鿐', F3: '王王', F4: '𠀀' };
const csv = ['户编号,户主,村,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资',
  ...Object.entries(heads).map(([id, head]) => `${id},${head},新村,2022,脱贫户,${head},1980,县内务工,10,2000`)]
  .join('\r\n') + '\r\n';

// The pixels of a roster row (device pixels = CSS pixels here), as one buffer.
function rowPixels(image, a) {
  const rows = [];
  for (let y = Math.floor(a.y); y < Math.floor(a.y + a.h); y++)
    rows.push(image.data.subarray((y * image.width + Math.floor(a.x)) * image.channels,
      (y * image.width + Math.floor(a.x + a.w)) * image.channels));
  return Buffer.concat(rows);
}

function differing(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('fonts', () => {
  test('婧 and 昇 render once the full font is in; a character no font has stays a placeholder; names go out unchanged',
    async () => {
      const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
      // The full font waits until the UI font's rendering of the roster has been seen.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/zengshou-font.ttf', async (route) => { await held; await route.continue(); });
      await openApp(page, server.url);
      await clickAnchor(page, 'tab_roster');
      const chooser = page.waitForEvent('filechooser');
      await clickAnchor(page, 'roster_import');
      await (await chooser).setFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await frames(page, 5);
      let s = await state(page);
      assert.deepEqual(s.open_errors, []);
      assert.deepEqual(s.roster.first_rows.map((r) => r.head), ['婧昇', '鿐鿐', '王王']);
      assert.equal(s.atlas.font, 'ui');
      const anchors = [0, 1, 2].map((n) => s.anchors[`roster_row_${n}`]);
      const before = decodePng(await page.screenshot());

      release();
      await page.waitForFunction(() => window.zengshou.fullFont === true);
      await frames(page, 5);
      s = await state(page);
      assert.equal(s.atlas.font, 'full');
      assert.equal(s.missing_glyphs, 0, 'the UI\'s characters are all still there');
      assert.equal(s.missing_document_glyphs, 0, 'and the documents\'');
      // The characters shown, not the font's 20 932 ideographs: a few thousand at most (measured: see README).
      assert.ok(s.atlas.glyphs > 1000 && s.atlas.glyphs < 6000, `atlas glyphs ${s.atlas.glyphs}`);
      await page.screenshot({ path: join(artifacts, 'fonts-full.png') });
      const after = decodePng(await page.screenshot());
      assert.deepEqual([0, 1, 2].map((n) => s.anchors[`roster_row_${n}`]), anchors, 'the rows did not move');

      const [rare, missing, common] = anchors.map((a) => [rowPixels(before, a), rowPixels(after, a)]);
      assert.ok(differing(...rare) > 50, '婧昇: placeholders before the full font, their own glyphs after');
      assert.equal(differing(...missing), 0, '鿐鿐: the placeholder before and after');
      assert.equal(differing(...common), 0, '王王: the UI font had it');

      // Out unchanged: the roster's CSV and its Excel (read back by openpyxl).
      const dir = mkdtempSync(join(tmpdir(), 'zengshou-fonts-'));
      let download = page.waitForEvent('download');
      await clickAnchor(page, 'roster_export');
      let saved = await download;
      await saved.saveAs(join(dir, 'roster.csv'));
      const exported = readFileSync(join(dir, 'roster.csv'), 'utf8');
      for (const head of Object.values(heads)) assert.ok(exported.includes(`,${head},`), `${head} in the CSV`);
      download = page.waitForEvent('download');
      await clickAnchor(page, 'roster_export_xlsx');
      saved = await download;
      await saved.saveAs(join(dir, 'roster.xlsx'));
      const cells = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps([[c.value for c in r] for r in ws.iter_rows()], ensure_ascii=False))`, join(dir, 'roster.xlsx')],
      { encoding: 'utf8' }));
      const head = cells[0].indexOf('户主');
      assert.deepEqual(Object.fromEntries(cells.slice(1).map((r) => [r[0], r[head]])), heads);
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
      await context.close();
    });
});
