// The user's own county policy (issue 16, first part) in real headless Chromium: a zengshou.policy/1 file imported
// from the policy picker is in use at once and gives the native CLI's per-capita net with --policy-file, to the fen;
// it survives a reload; exported, it is the same policy, and imported in a fresh profile gives the same figures; a
// bad policy file shows its problems and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, launch, openApp, openPage, repoRoot, saved, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const viewport = { width: 1280, height: 900 };
const policyFile = join(repoRoot, 'assets/user-policies/qingzhen.json');

// The household under the policy file, as the native CLI computes it.
function nativeEval(household, policyPath, policy) {
  const dir = mkdtempSync(join(tmpdir(), 'zengshou-'));
  const file = join(dir, 'household.json');
  writeFileSync(file, JSON.stringify(household));
  const args = ['eval', '--policy-file', policyPath, ...(policy ? ['--policy', policy] : []), file];
  return JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), args, { encoding: 'utf8' }));
}

// `again`: the picker was last asked for a policy file; the page's file input is given the next one directly.
async function importPolicy(page, name, buffer, again = false) {
  if (again) {
    const opened = await page.evaluate(() => window.zengshou.filesOpened || 0);
    await page.setInputFiles('input[type=file]', { name, mimeType: 'application/json', buffer });
    await page.waitForFunction((n) => (window.zengshou.filesOpened || 0) > n, opened);
    return;
  }
  await clickAnchor(page, 'policy');
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'policy_import');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
}

describe('本县政策 files', () => {
  test('imported, in use, the CLI\'s figures; kept over a reload; exported and imported elsewhere the same', async () => {
    const { page, context, problems } = await openPage(browser, { viewport, acceptDownloads: true });
    await openApp(page, server.url);
    // Ceheng's 低保 household (a worker out of the province, a student, an elder, a disabled member) under Guizhou.
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-dibao');
    const ceheng = nativeEval({ ...(await state(page)).household, year: 2023 }, policyFile, 'guizhou/ceheng');
    await importPolicy(page, 'qingzhen.json', readFileSync(policyFile));
    await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
    let s = await state(page);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.household.year, 2023, 'the policy covers 2023 only: the year follows it');
    assert.ok(s.anchors.policy_export, 'her own policy can be exported');
    const native = nativeEval(s.household, policyFile);
    assert.equal(native.policy, 'guizhou/qingzhen');
    assert.equal(native.income.per_capita_net.toFixed(2), s.per_capita_net);
    assert.equal(native.income.cash_received.toFixed(2), s.cash_received);
    assert.notEqual(native.income.cash_received, ceheng.income.cash_received, 'the policy changed what is paid');

    await saved(page);
    await page.reload();
    await openApp(page, server.url);
    s = await state(page);
    assert.deepEqual(s.storage.unreadable, []);
    assert.equal(s.household.policy, 'guizhou/qingzhen', 'the policy and the household under it came back');
    assert.equal(s.per_capita_net, native.income.per_capita_net.toFixed(2));
    assert.equal(s.cash_received, native.income.cash_received.toFixed(2));

    const download = page.waitForEvent('download');
    await clickAnchor(page, 'policy_export');
    const exported = readFileSync(await (await download).path(), 'utf8');
    assert.deepEqual(JSON.parse(exported), JSON.parse(readFileSync(policyFile, 'utf8')), 'the file as imported');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();

    const fresh = await openPage(browser, { viewport });
    await openApp(fresh.page, server.url);
    await clickAnchor(fresh.page, 'examples');
    await clickAnchor(fresh.page, 'example_ceheng-dibao');
    await importPolicy(fresh.page, 'exported.json', Buffer.from(exported));
    await fresh.page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
    const again = await state(fresh.page);
    const nativeAgain = nativeEval(again.household, policyFile);
    assert.equal(again.per_capita_net, nativeAgain.income.per_capita_net.toFixed(2));
    assert.equal(again.cash_received, nativeAgain.income.cash_received.toFixed(2));
    await fresh.page.screenshot({ path: join(artifacts, 'user-policy.png') });
    await fresh.context.close();
  });

  test('a reform kept as her county policy (另存为本县政策): typed name, in use, the CLI\'s figures', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await clickAnchor(page, 'tab_policy');
    await clickAnchor(page, 'params_public_welfare_post');
    await typeInto(page, 'param_public_welfare_post.monthly', '1000');
    const reformed = (await state(page)).reform_per_capita_net;
    await clickAnchor(page, 'policy_save');
    await typeInto(page, 'policy_save_name', '昌宁县岗位一千元');
    await clickAnchor(page, 'policy_save_confirm');
    let s = await state(page);
    assert.equal(s.household.policy, 'yunnan/changning-mine', 'her new policy is in use');
    assert.deepEqual(s.reform.changes, {}, 'the reform\'s change is the policy\'s own now');
    assert.equal(s.per_capita_net, reformed, 'the household as it was under the reform');

    // 注明出处: the value she set gets its clause; a clause the document lacks cannot be saved.
    const param = 'param_public_welfare_post.monthly';
    await clickAnchor(page, `${param}_cite`);
    await clickAnchor(page, `${param}_cite_document`);
    await clickAnchor(page, `${param}_cite_document_changning-2022-zengshou-yaodian`);
    await typeInto(page, `${param}_cite_clause`, '三(四)4');
    await typeInto(page, `${param}_cite_quote`, '规范乡村公益性岗位管理');
    await clickAnchor(page, `${param}_cite_save`);
    assert.ok((await state(page)).anchors[`${param}_cite_save`], 'not saved: 000 has no 三(四)');
    await page.screenshot({ path: join(artifacts, 'policy-cite.png') });
    await typeInto(page, `${param}_cite_clause`, '三(一)4');
    await clickAnchor(page, `${param}_cite_save`);
    assert.equal((await state(page)).anchors[`${param}_cite_save`], undefined, 'saved: the editor closed');
    await clickAnchor(page, 'tab_household');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'policy_export');
    const path = await (await download).path();
    const file = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(file.name.zh, '昌宁县岗位一千元');
    assert.equal(file.inherits, 'yunnan/changning');
    assert.equal(file.parameters['public_welfare_post.monthly'][0].value, 1000);
    assert.deepEqual(file.parameters['public_welfare_post.monthly'][0].source, { document: 'changning-2022-zengshou-yaodian',
      clause: '三(一)4', quote: '规范乡村公益性岗位管理' }, 'the source she gave');
    assert.equal(file.parameters['public_welfare_post.monthly'][0].assumed, undefined, 'no longer assumed');
    // By hand: the post at 1000 instead of 800 for 12 months, 2400 over 4 people: 600 a person more.
    s = await state(page);
    const native = nativeEval(s.household, path);
    assert.equal(native.income.per_capita_net.toFixed(2), s.per_capita_net);
    const base = nativeEval({ ...s.household, policy: 'yunnan/changning' }, path);
    assert.equal(Math.round((native.income.per_capita_net - base.income.per_capita_net) * 100), 60000);
    await context.close();
  });

  test('a county policy from the provincial base, renamed later without losing the changes being tried', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'policy');
    await clickAnchor(page, 'policy_yunnan');  // a county not among the five: Yunnan's rules as the start
    assert.equal((await state(page)).household.policy, 'yunnan');
    await clickAnchor(page, 'tab_policy');
    await clickAnchor(page, 'params_public_welfare_post');
    await typeInto(page, 'param_public_welfare_post.monthly', '900');
    await clickAnchor(page, 'policy_save');
    await typeInto(page, 'policy_save_name', '某县增收方案');
    await clickAnchor(page, 'policy_save_confirm');
    assert.equal((await state(page)).household.policy, 'yunnan-mine');
    // A change being tried on her policy stays while she renames it.
    await typeInto(page, 'param_public_welfare_post.monthly', '950');
    await typeInto(page, 'policy_rename', '某县2023年增收方案');
    await clickAnchor(page, 'policy_rename_save');
    const s = await state(page);
    assert.deepEqual(s.reform.changes, { 'public_welfare_post.monthly': 950 }, 'the change being tried is kept');
    await clickAnchor(page, 'tab_household');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'policy_export');
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(file.name.zh, '某县2023年增收方案');
    assert.equal(file.inherits, 'yunnan');
    assert.equal(file.parameters['public_welfare_post.monthly'][0].value, 900, 'what she saved, not what she tries');
    await context.close();
  });

  test('a file with the id of her own policy but other contents replaces it only when she says so', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-dibao');  // a worker out of the province: the travel subsidy is paid
    const original = readFileSync(policyFile, 'utf8');
    await importPolicy(page, 'qingzhen.json', Buffer.from(original));
    await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
    const changed = JSON.parse(original);
    changed.parameters['cross_province_transport.amount_low_income'][0].value = 1200;
    const cashBefore = (await state(page)).cash_received;
    await importPolicy(page, 'qingzhen-600.json', Buffer.from(JSON.stringify(changed)), true);
    await page.waitForFunction(() => window.zengshou.state().anchors.policy_replace_no);
    await clickAnchor(page, 'policy_replace_no');
    assert.equal((await state(page)).cash_received, cashBefore, 'kept: nothing replaced without asking');
    await importPolicy(page, 'qingzhen-600.json', Buffer.from(JSON.stringify(changed)), true);
    await page.waitForFunction(() => window.zengshou.state().anchors.policy_replace_yes);
    await clickAnchor(page, 'policy_replace_yes');
    const s = await state(page);
    assert.equal(s.household.policy, 'guizhou/qingzhen');
    assert.deepEqual(s.open_errors, []);
    // The worker's travel subsidy below 10000 yuan, 1000 → 1200: 200 yuan more cash, by hand.
    assert.equal(Math.round((Number(s.cash_received) - Number(cashBefore)) * 100), 20000);
    await context.close();
  });

  test('the workspace file carries her policies: exported, then opened in a fresh profile, the same figures', async () => {
    const { page, context } = await openPage(browser, { viewport, acceptDownloads: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-dibao');
    await importPolicy(page, 'qingzhen.json', readFileSync(policyFile));
    await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
    const before = await state(page);
    await clickAnchor(page, 'tab_roster');
    await clickAnchor(page, 'roster_add_current');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'workspace_export');
    const bytes = readFileSync(await (await download).path());  // gone once its context closes
    const workspace = JSON.parse(bytes.toString('utf8'));
    assert.deepEqual(workspace.policies.map((p) => p.id), ['guizhou/qingzhen']);
    await context.close();

    const fresh = await openPage(browser, { viewport });
    await openApp(fresh.page, server.url);
    await clickAnchor(fresh.page, 'tab_roster');
    const chooser = fresh.page.waitForEvent('filechooser');
    await clickAnchor(fresh.page, 'workspace_import');
    await (await chooser).setFiles({ name: 'workspace.json', mimeType: 'application/json', buffer: bytes });
    await fresh.page.waitForFunction(() => window.zengshou.state().roster.households === 1);
    await clickAnchor(fresh.page, 'tab_household');
    const s = await state(fresh.page);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.household.policy, 'guizhou/qingzhen', 'her policy came with the workspace, and is in use');
    assert.equal(s.cash_received, before.cash_received);
    assert.equal(s.per_capita_net, before.per_capita_net);
    await fresh.context.close();
  });

  test('a document her policy brings (its pasted text) is in 政策文件 and opens like a built-in one', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await importPolicy(page, 'own-document.json',
      readFileSync(join(repoRoot, 'tests/bad-input/ok-policy-own-document.json')));
    await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/test-ok');
    await clickAnchor(page, 'tab_documents');
    assert.ok((await state(page)).anchors['document_test-2023-cuoshi'], 'listed with the built-in documents');
    await clickAnchor(page, 'document_test-2023-cuoshi');
    const s = await state(page);
    assert.equal(s.document, 'test-2023-cuoshi');
    assert.ok(s.anchors.document_title);
    await context.close();
  });

  test('her policy is removed only when she confirms, and not while roster households are under it', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await importPolicy(page, 'qingzhen.json', readFileSync(policyFile));
    await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
    await clickAnchor(page, 'tab_roster');
    await clickAnchor(page, 'roster_add_current');
    await clickAnchor(page, 'tab_household');
    await clickAnchor(page, 'policy_remove');
    let s = await state(page);
    assert.equal(s.open_errors.length, 1, 'refused: a roster household is under it');
    assert.equal(s.household.policy, 'guizhou/qingzhen');
    await clickAnchor(page, 'close_errors');
    await clickAnchor(page, 'tab_roster');
    await clickAnchor(page, 'roster_remove');  // the roster household goes (the calculator keeps its copy)
    await clickAnchor(page, 'tab_household');
    await clickAnchor(page, 'policy_remove');
    await clickAnchor(page, 'policy_remove_no');
    assert.equal((await state(page)).household.policy, 'guizhou/qingzhen', 'kept when she cancels');
    await clickAnchor(page, 'policy_remove');
    await clickAnchor(page, 'policy_remove_yes');
    s = await state(page);
    assert.equal(s.household.policy, 'guizhou', 'the calculator is back on the policy hers was made from');
    assert.equal(s.anchors.policy_remove, undefined, 'a built-in cannot be removed');
    await saved(page);
    await page.reload();
    await openApp(page, server.url);
    await clickAnchor(page, 'policy');
    assert.equal((await state(page)).anchors['policy_guizhou/qingzhen'], undefined, 'gone after a reload too');
    await context.close();
  });

  test('a bad policy file shows its problems at their places and changes nothing', async () => {
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    const before = await state(page);
    const bad = JSON.parse(readFileSync(policyFile, 'utf8'));
    bad.inherits = 'guizhou/nowhere';
    bad.parameters['cross_province_transport.amount'][0].value = -5;
    await importPolicy(page, 'bad.json', Buffer.from(JSON.stringify(bad)));
    await page.waitForFunction(() => window.zengshou.state().open_errors.length > 0);
    const s = await state(page);
    assert.ok(s.open_errors.some((e) => e.includes('/parameters/cross_province_transport.amount/0/value')),
      s.open_errors.join('\n'));
    assert.equal(s.household.policy, before.household.policy, 'the policy in use is unchanged');
    assert.deepEqual(s.household, before.household);
    await context.close();
  });
});
