// The bad-input corpus (tests/bad-input/expected.txt) opened in the app through the real file input: each file the
// command line refuses shows the same error lines in the error window, and the user's household, roster and reform
// stay as they were; the files it accepts open. Nothing crashes the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickAnchor, frames, launch, openApp, openPage, repoRoot, serve } from './harness.mjs';

const corpus = join(repoRoot, 'tests/bad-input');

// The cases of expected.txt: file, command and error lines.
function corpusCases() {
  const cases = [];
  for (const line of readFileSync(join(corpus, 'expected.txt'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('  error: ')) cases.at(-1).errors.push(line.slice(2));
    else {
      const [file, command] = line.split(/ {2}/);
      cases.push({ file, command, errors: [] });
    }
  }
  // Two policy files checked together are the command line's (--policy-file): in the app a file with her own
  // policy's id is a new version of it.
  return cases.filter((c) => !c.command.includes('--policy-file'));
}

const isPolicy = (c) => c.command.startsWith('policy ');

// Where the app opens each kind of file: its view and the button that opens the file picker.
const opener = (c) => c.command.startsWith('batch') ? { tab: 'tab_roster', button: 'roster_import' }
  : c.command.includes('--reform') ? { tab: 'tab_policy', button: 'open_reform' }
    : isPolicy(c) ? { tab: 'tab_household', menu: 'policy', button: 'policy_import' }
      : { tab: 'tab_household', button: 'open_file' };

// The CLI names the file before the place ("FILE:/id", "FILE: expected …" for the whole file); the app, which has
// one file open, gives the place alone, and "(file)" for the whole.
const asShown = (c, e) => isPolicy(c)
  ? e.replace(`error: ${c.file}: `, 'error: (file): ').replace(`error: ${c.file}:`, 'error: ')
  : e.replace(`error: ${c.file}:`, 'error: ');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const work = (s) => ({ household: s.household, roster: s.roster.households, reform: s.reform });

// Opens a corpus file through the page's file input, as a picked file, and waits for the app to have read it.
async function openFile(page, c, viaButton) {
  const opened = await page.evaluate(() => window.zengshou.filesOpened || 0);
  const file = { name: c.file, mimeType: 'application/octet-stream', buffer: readFileSync(join(corpus, c.file)) };
  if (viaButton) {
    const { tab, menu, button } = opener(c);
    await clickAnchor(page, tab);
    if (menu) await clickAnchor(page, menu);
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, button);
    await (await chooser).setFiles(file);
  } else {
    await page.setInputFiles('input[type=file]', file);  // the same picker, asked for the same kind of file
  }
  await page.waitForFunction((n) => (window.zengshou.filesOpened || 0) > n, opened);
  await frames(page, 2);
  return state(page);
}

describe('bad input in the browser', () => {
  test('every file the CLI refuses shows its error lines and keeps the household, roster and reform', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    // The user's work: an example household, a one-household roster.
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_weixi-monitored');
    const accepted = corpusCases().find((c) => c.file === 'ok-csv-crlf.csv');
    await openFile(page, accepted, true);
    const kept = work(await state(page));
    assert.equal(kept.roster, 1);

    const refused = corpusCases().filter((c) => c.errors.length > 0);
    assert.ok(refused.length >= 35, `${refused.length} refused files`);
    let previous = null;
    for (const c of refused) {
      const kind = opener(c).button;
      if (kind !== previous) await clickAnchor(page, 'close_errors').catch(() => {});
      const s = await openFile(page, c, kind !== previous);
      previous = kind;
      const expected = c.errors.map((e) => asShown(c, e));
      assert.deepEqual(s.open_errors, expected, c.file);
      assert.ok(s.anchors.close_errors, `${c.file}: the error window is shown`);
      assert.deepEqual(work(s), kept, `${c.file}: the user's work is kept`);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the files the CLI accepts open; GBK once the user confirms it', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    const accepted = corpusCases().filter((c) => c.errors.length === 0);
    assert.deepEqual(accepted.map((c) => c.file).sort(),
      ['csv-gbk.csv', 'ok-bom.json', 'ok-csv-bom.csv', 'ok-csv-crlf.csv', 'ok-policy-own-document.json']);
    let roster = 0;
    for (const c of accepted) {
      let s = await openFile(page, c, true);
      assert.equal(s.import_preview?.encoding ?? null, c.file === 'csv-gbk.csv' ? 'gbk' : null, c.file);
      if (s.import_preview) {
        await clickAnchor(page, 'import_preview_import');
        s = await state(page);
      }
      assert.deepEqual(s.open_errors, [], c.file);
      if (isPolicy(c)) {
        const id = JSON.parse(readFileSync(join(corpus, c.file), 'utf8')).id;
        assert.equal(s.household.policy, id, `${c.file}: her policy, in use`);
      } else if (opener(c).button === 'roster_import') {
        roster += 1;  // each file is one household, C-1, head 张三
        assert.equal(s.roster.households, roster, c.file);
        assert.equal(s.roster.first_rows[0].head, '张三', c.file);
      } else {
        assert.equal(s.household.id, 'B1');
        assert.equal(s.household.members[0].name, '张三');
      }
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
