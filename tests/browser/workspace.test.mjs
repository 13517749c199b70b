// No work lost (issue 14), in real headless Chromium: the workspace is records in IndexedDB, one a household; two
// tabs keep each other's edits and see them; the same household changed in both is a conflict the user settles; a
// year change is stored in a form the next start reads; a share link over unsaved work asks first; 100 000
// households come back after a reload; a roster past the limit is refused before anything changes; without
// IndexedDB, or when it does not answer, the app starts in memory and says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, saved, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const viewport = { width: 1400, height: 1000 };

// `count` one-person households R000…, Changning 2022; per-capita net by hand: 12 × 1000 + i.
function rosterCsv(count, membersOf = () => 1) {
  const rows = ['户编号,户主,村,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资'];
  for (let i = 0; i < count; i++)
    for (let m = 0; m < membersOf(i); m++)
      rows.push(`R${String(i).padStart(6, '0')},户主${i},新村,2022,脱贫户,成员${i}_${m},${1970 + m},县内务工,12,${1000 + (i % 1000)}`);
  return rows.join('\n') + '\n';
}

async function importRoster(page, buffer) {
  await clickAnchor(page, 'tab_roster');
  const opened = await page.evaluate(() => window.zengshou.filesOpened || 0);
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  // A large file goes by path: the browser reads it from disk, as it would a user's file.
  let file = { name: 'roster.csv', mimeType: 'text/csv', buffer };
  if (buffer.length > 1048576) {
    file = join(artifacts, 'roster-large.csv');
    writeFileSync(file, buffer);
  }
  await (await chooser).setFiles(file, { timeout: 120000 });
  await page.waitForFunction((n) => (window.zengshou.filesOpened || 0) > n, opened, { timeout: 60000 });
  await frames(page, 5);
  return state(page);
}

async function openRow(page, n) {
  await clickAnchor(page, 'tab_roster');
  const a = (await state(page)).anchors[`roster_row_${n}`];
  await page.mouse.click(a.x + 20, a.y + a.h / 2);
  await frames(page, 3);
  await clickAnchor(page, 'roster_open');
}

const heads = async (page) => (await state(page)).roster.first_rows.map((r) => r.head);

describe('the workspace as records in IndexedDB', () => {
  test('two tabs editing different households both keep their edits and see each other\'s', async () => {
    const { page: a, context, problems } = await openPage(browser, { viewport });
    await openApp(a, server.url);
    let s = await importRoster(a, Buffer.from(rosterCsv(3)));
    assert.equal(s.roster.households, 3);
    await saved(a);
    const b = await context.newPage();
    await openApp(b, server.url);
    assert.equal((await state(b)).roster.households, 3, 'the second tab reads the stored roster');

    await openRow(a, 0);
    await typeInto(a, 'head', '甲页改的');
    await openRow(b, 1);
    await typeInto(b, 'head', '乙页改的');
    await saved(a);
    await saved(b);
    await clickAnchor(a, 'tab_roster');
    await clickAnchor(b, 'tab_roster');
    for (const page of [a, b])
      await page.waitForFunction(() => {
        const rows = window.zengshou.state().roster.first_rows.map((r) => r.head);
        return rows[0] === '甲页改的' && rows[1] === '乙页改的';
      });
    assert.deepEqual(await heads(a), ['甲页改的', '乙页改的', '户主2']);
    assert.deepEqual(await heads(b), ['甲页改的', '乙页改的', '户主2']);

    await a.reload();
    await openApp(a, server.url);
    await clickAnchor(a, 'tab_roster');
    assert.deepEqual(await heads(a), ['甲页改的', '乙页改的', '户主2'], 'both edits after a reload');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the same household changed in two tabs is shown as a conflict; keeping both loses neither', async () => {
    const { page: a, context, problems } = await openPage(browser, { viewport });
    await openApp(a, server.url);
    await importRoster(a, Buffer.from(rosterCsv(2)));
    await saved(a);
    // The second tab does not hear the first (as when a message is missed): it learns of the change from its write.
    const b = await context.newPage();
    await b.addInitScript(() => { delete window.BroadcastChannel; });
    await openApp(b, server.url);
    await openRow(a, 0);
    await typeInto(a, 'head', '甲页的户主');
    await saved(a);
    await openRow(b, 0);
    await typeInto(b, 'head', '乙页的户主');
    await b.waitForFunction(() => window.zengshou.state().storage.conflicts.length === 1);
    let s = await state(b);
    assert.ok(s.anchors.conflict_title && s.anchors.conflict_keep_both, 'the conflict is shown with its choices');
    await clickAnchor(b, 'conflict_keep_both');
    await saved(b);
    await clickAnchor(b, 'tab_roster');
    s = await state(b);
    assert.equal(s.roster.households, 3);
    assert.deepEqual(s.storage.conflicts, []);

    await a.reload();
    await openApp(a, server.url);
    await clickAnchor(a, 'tab_roster');
    s = await state(a);
    assert.equal(s.roster.households, 3);
    const stored = s.roster.first_rows.map((r) => r.head).concat();
    assert.ok(stored.includes('甲页的户主'), stored.join());
    const all = await a.evaluate(async () => (await window.zengshouStore.stored()).map(([, , text]) => text).join());
    assert.ok(all.includes('乙页的户主') && all.includes('甲页的户主'), 'both versions are stored');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a household moved to an earlier year is stored so the next start reads everything back', async () => {
    const { page, context, problems } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    // The reported case: an urban member who started a business in 2024, and the year then set to 2022.
    const household = JSON.parse(readFileSync(join(repoRoot, 'assets/examples/ceheng-urban.json'), 'utf8'));
    household.year = 2024;
    household.members[0].first_business_year = 2024;
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'open_file');
    await (await chooser).setFiles({ name: 'h.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(household)) });
    await frames(page, 5);
    assert.deepEqual((await state(page)).open_errors, []);
    await clickAnchor(page, 'tab_roster');
    await clickAnchor(page, 'roster_add_current');  // in the roster, and the calculator edits that record
    await clickAnchor(page, 'tab_household');
    await clickAnchor(page, 'year');
    await clickAnchor(page, 'year_2022');  // the harness reads every stored record back after each action
    let s = await state(page);
    assert.equal(s.household.year, 2022);
    assert.equal(s.household.members[0].first_business_year, 2022);
    await saved(page);
    await page.reload();
    await openApp(page, server.url);
    s = await state(page);
    assert.deepEqual(s.storage.unreadable, []);
    assert.equal(s.household.year, 2022);
    assert.equal(s.household.members[0].first_business_year, 2022);
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.equal(s.roster.households, 1);
    assert.equal(s.roster.first_rows[0].head, household.head);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a share link opened over an unsaved household asks first, and keeping it puts it in the roster', async () => {
    const { page, context, problems } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await typeInto(page, 'head', '还没保存的户');
    await saved(page);
    assert.equal((await state(page)).storage.session_unsaved, true);
    const shared = JSON.parse(readFileSync(join(repoRoot, 'assets/examples/changning-tuopin.json'), 'utf8'));
    const text = JSON.stringify({ schema: 'zengshou.share/1', household: shared, reform: null });
    const link = server.url + '#share=' + deflateRawSync(Buffer.from(text)).toString('base64url');
    await page.goto(link);  // the same document with a new fragment: reloaded as a user pasting the link would
    await page.reload();
    await page.waitForFunction(() => window.zengshou && window.zengshou.ready, null, { timeout: 30000 });
    await page.waitForFunction(() => window.zengshou.state().storage.asking_to_replace);
    let s = await state(page);
    assert.equal(s.household.head, '还没保存的户', 'nothing replaced before the answer');
    await clickAnchor(page, 'replace_keep_roster');
    s = await state(page);
    assert.equal(s.household.head, shared.head, 'the shared household is open');
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.equal(s.roster.households, 1);
    assert.equal(s.roster.first_rows[0].head, '还没保存的户', 'the unsaved one is kept in the roster');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('100 000 households (350 000 member rows) import, are stored and come back after a reload', async () => {
    const { page, context, problems } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    const csv = Buffer.from(rosterCsv(100000, (i) => 3 + (i % 2)));  // 3 or 4 members: 350 000 rows
    let start = Date.now();
    const s = await importRoster(page, csv);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.roster.households, 100000);
    const importMs = Date.now() - start;
    start = Date.now();
    await saved(page, 600000);
    const storeMs = Date.now() - start;
    start = Date.now();
    await openApp(page, server.url, 300000);
    const reloadMs = Date.now() - start;
    const back = await state(page);
    assert.equal(back.roster.households, 100000);
    assert.deepEqual(back.storage.unreadable, []);
    const heap = await page.evaluate(() => window.zengshou.heapBytes());
    console.log(`# 100 000 households, ${(csv.length / 1048576).toFixed(1)} MB CSV: import ${importMs} ms, ` +
      `stored in ${storeMs} ms, reload to first frame ${reloadMs} ms, WebAssembly memory ${(heap / 1048576).toFixed(0)} MB`);
    // An edit of one of them writes one record, not the roster.
    const writesBefore = await page.evaluate(() => window.zengshouStore.writes);
    await openRow(page, 0);
    await typeInto(page, 'head', '十万户中的一户');
    await saved(page);
    const after = await page.evaluate(() => ({ writes: window.zengshouStore.writes, ms: window.zengshouStore.lastWriteMs }));
    console.log(`# an edit among 100 000 households stored in ${after.ms.toFixed(1)} ms (${after.writes - writesBefore} writes)`);
    assert.ok(after.writes - writesBefore <= 3, `${after.writes - writesBefore} writes for one edit`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a start a day keeps the roster as it was, the last three; a backup exports as a workspace file', async () => {
    const { page, context, problems } = await openPage(browser, { viewport, acceptDownloads: true });
    await openApp(page, server.url);
    await importRoster(page, Buffer.from(rosterCsv(2)));
    await saved(page);
    assert.equal((await state(page)).storage.backups, 0, 'none yet: the roster was empty at this start');
    await page.reload();
    await openApp(page, server.url);
    assert.equal((await state(page)).storage.backups, 1);
    await page.reload();
    await openApp(page, server.url);
    assert.equal((await state(page)).storage.backups, 1, 'one a day, not one a start');
    await clickAnchor(page, 'menu_help');
    await clickAnchor(page, 'menu_backups');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'backup_export_0');
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(file.schema, 'zengshou.workspace/1');
    assert.deepEqual(file.households.map((h) => h.household.head), ['户主0', '户主1']);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a roster past the supported size is refused before anything changes', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await importRoster(page, Buffer.from(rosterCsv(2)));
    const s = await importRoster(page, Buffer.from(rosterCsv(1) + '\n'.repeat(800001)));
    assert.equal(s.open_errors.length, 1);
    assert.match(s.open_errors_shown[0], /最多 80 万行/);
    assert.equal(s.roster.households, 2);
    await context.close();
  });
});

describe('without a database', () => {
  for (const [name, script, problem] of [
    ['no IndexedDB at all', () => { Object.defineProperty(window, 'indexedDB', { value: undefined }); }, 'unavailable'],
    ['IndexedDB never answers', () => { IDBFactory.prototype.open = function () { return {}; }; }, 'slow'],
  ]) {
    test(`${name}: the app starts in memory, says so and offers the export`, async () => {
      const { page, context, problems } = await openPage(browser, { viewport });
      await context.addInitScript(script);
      const { error } = await openApp(page, server.url);
      assert.equal(error, null);
      await page.waitForFunction((p) => window.zengshou.state().storage_problem === p, problem);
      const s = await state(page);
      assert.ok(s.anchors.storage_banner && s.anchors.storage_export);
      await clickAnchor(page, 'examples');
      await clickAnchor(page, 'example_changning-tuopin');
      await typeInto(page, 'head', '只在内存');
      assert.equal((await state(page)).household.head, '只在内存');
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
});
