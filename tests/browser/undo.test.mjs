// Nothing in the roster is replaced without asking, and every destructive step can be taken back (issue 20, 1):
// a roster household open in the calculator survives 新建 and an example; a household removed from the roster comes
// back with its ledger; an import goes again; a calculator household discarded on 新建 comes back; Ctrl+Z does it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, pressKey, saved, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Two one-person households; per-capita net by hand: A1 3 × 1000 = 3000, A2 12 × 2500 = 30000.
const csv = '户编号,户主,村,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资\r\n' +
  'A1,王一,新村,2022,脱贫户,王一,1970,县内务工,3,1000\r\n' +
  'A2,李二,新村,2022,脱贫户,李二,1975,省外务工,12,2500\r\n';

async function importRoster(page) {
  await clickAnchor(page, 'tab_roster');
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  await (await chooser).setFiles({ name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await frames(page, 5);
}

async function selectRow(page, n) {
  const a = (await state(page)).anchors[`roster_row_${n}`];
  await page.mouse.click(a.x + 20, a.y + a.h / 2);
  await frames(page, 3);
}

async function undoFromMenu(page) {
  await clickAnchor(page, 'menu_undo');
  await clickAnchor(page, 'undo_last');
}

describe('nothing is lost: 新建, examples, removal and imports can be taken back', () => {
  test('the roster household survives 新建 and an example, and 撤销 brings it back to the calculator', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page, server.url);
    await importRoster(page);
    let s = await state(page);
    assert.deepEqual(s.open_errors, []);
    assert.deepEqual(s.undo, ['加入台账的 2 户']);
    await selectRow(page, 0);
    await clickAnchor(page, 'roster_open');
    assert.equal((await state(page)).household.id, 'A1');

    await clickAnchor(page, 'new_household');
    s = await state(page);
    assert.equal(s.household.id, '');
    assert.equal(s.anchors.replace_discard, undefined, 'a roster household is kept: nothing to ask');
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_weixi-monitored');
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.equal(s.roster.households, 2);
    assert.deepEqual(s.roster.first_rows[0], { id: 'A1', head: '王一', per_capita_net: '3000.00' });
    // The blank household of 新建 had nothing in it: only the roster household is a step.
    assert.deepEqual(s.undo, ['加入台账的 2 户', '换下计算器里的 A1 王一']);

    await undoFromMenu(page);
    s = await state(page);
    assert.equal(s.view, 'tab_household');
    assert.equal(s.household.id, 'A1');
    assert.equal(s.per_capita_net, '3000.00');
    // Linked again: an edit goes to the roster.
    await typeInto(page, 'head', '王壹');
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.deepEqual(s.roster.first_rows[0], { id: 'A1', head: '王壹', per_capita_net: '3000.00' });
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('a removed household comes back with its ledger; Ctrl+Z takes the import back; all of it stored', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    await importRoster(page);
    await selectRow(page, 1);
    await typeInto(page, 'ledger_q1_0', '7000');
    let s = await state(page);
    assert.equal(s.roster.selected_quarters, 1);
    await saved(page);

    await clickAnchor(page, 'roster_remove');
    s = await state(page);
    assert.equal(s.roster.households, 1);
    assert.deepEqual(s.undo.at(-1), '从台账删除 A2 李二');
    await page.screenshot({ path: join(artifacts, 'undo-removed.png') });  // the notice with its 撤销, for the README
    await clickAnchor(page, 'roster_undo_remove');
    s = await state(page);
    assert.equal(s.roster.households, 2);
    assert.deepEqual(s.roster.first_rows[1], { id: 'A2', head: '李二', per_capita_net: '30000.00' });
    await selectRow(page, 1);
    assert.equal((await state(page)).roster.selected_quarters, 1, 'the ledger came back with it');
    await saved(page);

    // Stored: a reload has both, the quarter too.
    await page.reload();
    await page.waitForFunction(() => window.zengshou && window.zengshou.ready, null, { timeout: 30000 });
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.equal(s.roster.households, 2);
    assert.deepEqual(s.undo, [], 'the history is the session\'s');

    // A new import, taken back with Ctrl+Z: exactly its households go; Ctrl+Z again puts them back.
    await importRoster(page);
    assert.equal((await state(page)).roster.households, 4);
    await page.mouse.move(5, 300);
    await page.keyboard.down('Control');
    await pressKey(page, 'z');
    await page.keyboard.up('Control');
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.roster.households, 2);
    // What the import brought in is kept as a step of its own: another 撤销 brings it back, work done on it since too.
    assert.deepEqual(s.undo, ['从台账删除 2 户']);
    await page.keyboard.down('Control');
    await pressKey(page, 'z');
    await page.keyboard.up('Control');
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.roster.households, 4);
    assert.deepEqual(s.undo, []);
    await saved(page);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('a household typed in the calculator and discarded on 新建 comes back with 撤销', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await typeInto(page, 'head', '赵三');
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'replace_discard');
    let s = await state(page);
    assert.equal(s.household.head, '');
    assert.deepEqual(s.undo, ['换下计算器里的 赵三']);
    await undoFromMenu(page);
    s = await state(page);
    assert.equal(s.household.head, '赵三');
    assert.deepEqual(s.undo, []);
    // Still her own work, kept nowhere else: 新建 asks again.
    await clickAnchor(page, 'new_household');
    assert.ok((await state(page)).anchors.replace_discard);
    await clickAnchor(page, 'replace_cancel');
    assert.equal((await state(page)).household.head, '赵三');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
