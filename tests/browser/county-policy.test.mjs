// 新建本县政策 (issue 16) in real headless Chromium, as a cadre of a county the program does not know would do it:
// a policy from the Yunnan base made by clicking and typing Chinese — its name, years and the document it comes
// from, pasted whole — three values changed and each cited from the document's clause and words, one programme
// switched off; a household under it; kept over a reload; exported, imported in a fresh profile, and the same
// per-capita net to the fen as the native CLI with --policy-file on the exported file. And a draft with problems:
// each beside its field, kept over a reload, never used until fixed; discarded only when she says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, checkStored, clickAnchor, frames, launch, openApp, openPage, repoRoot, saved, serve, typeInto }
  from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
// Tall, so the draft's form and a programme's parameters are on screen without scrolling.
const viewport = { width: 1400, height: 1500 };

// The county's document as she pastes it from the county's site: numbered as county documents are.
const documentText = [
  '测试县2024年农村低收入人口增收若干措施',
  '一、总体要求',
  '坚持开发式帮扶与兜底保障相结合。',
  '二、主要措施',
  '（一）公益性岗位。乡村公益性岗位补贴标准为每人每月1000元。',
  '（二）雨露计划。对参加东西部协作职业教育的脱贫家庭学生，每生每年补助6000元。',
  '（三）养老保障。城乡居民基础养老金最低标准提高到每人每月150元。',
  '三、保障措施',
  '各乡镇要压实责任。',
].join('\n');

function nativeEval(household, policyPath) {
  const dir = mkdtempSync(join(tmpdir(), 'zengshou-'));
  const file = join(dir, 'household.json');
  writeFileSync(file, JSON.stringify(household));
  return JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', '--policy-file', policyPath, file],
    { encoding: 'utf8' }));
}

// Pastes a block of text (a document) as she would: clicks the field, puts the text in the page's text area, and
// ends the edit with Escape (Enter is a new line there).
async function pasteInto(page, anchor, text) {
  const previous = await page.evaluate(() => document.getElementById('text-editor-block')?.dataset.generation ?? '0');
  await clickAnchor(page, anchor);
  await page.waitForFunction((old) => {
    const area = document.getElementById('text-editor-block');
    return area && area.style.display !== 'none' && area.dataset.generation !== old;
  }, previous);
  await page.fill('#text-editor-block', text);
  await frames(page, 2);
  await page.keyboard.press('Escape');
  await frames(page, 3);
  await checkStored(page);
}

// 注明出处 for one value of her policy: her document, the clause, the words.
async function cite(page, param, clause, quote) {
  const at = `param_${param}`;
  await clickAnchor(page, `${at}_cite`);
  await clickAnchor(page, `${at}_cite_document`);
  await clickAnchor(page, `${at}_cite_document_mine-1`);
  await typeInto(page, `${at}_cite_clause`, clause);
  await typeInto(page, `${at}_cite_quote`, quote);
  await clickAnchor(page, `${at}_cite_save`);
  assert.equal((await state(page)).anchors[`${at}_cite_save`], undefined, `${param}: the source is kept`);
}

describe('新建本县政策', () => {
  test('made from the Yunnan base by typing Chinese, cited, used, kept, exported, imported: the CLI\'s figures', async () => {
    const { page, context, problems } = await openPage(browser, { viewport, acceptDownloads: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');

    // From the policy picker: the form opens in 政策模拟.
    await clickAnchor(page, 'policy');
    await clickAnchor(page, 'policy_new_menu');
    await frames(page, 3);
    let s = await state(page);
    assert.ok(s.policy_draft?.open, 'the form is open');
    await clickAnchor(page, 'draft_base');
    await clickAnchor(page, 'draft_base_yunnan');
    await typeInto(page, 'draft_name_zh', '测试县2024年农民增收政策');
    await typeInto(page, 'draft_first_year', '2024');
    await typeInto(page, 'draft_last_year', '2025');
    await clickAnchor(page, 'draft_doc_add');
    await typeInto(page, 'draft_doc_1_title', '测试县2024年农村低收入人口增收若干措施');
    await typeInto(page, 'draft_doc_1_issuer', '测试县人民政府办公室');
    await typeInto(page, 'draft_doc_1_number', '测政办发〔2024〕12号');
    await typeInto(page, 'draft_doc_1_issued', '2024-03-15');
    await pasteInto(page, 'draft_doc_1_text', documentText);
    s = await state(page);
    assert.deepEqual(s.policy_draft.problems, [], 'nothing left to fix');
    assert.equal(s.policy_draft.draft.documents[0].text, documentText, 'the text as pasted, lines and all');
    await clickAnchor(page, 'draft_make');
    s = await state(page);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.household.policy, 'yunnan-county', 'her new policy is in use');
    assert.equal(s.household.year, 2024, 'the year follows the policy');
    assert.equal(s.policy_draft, null, 'the draft is her policy now');
    assert.equal(s.per_capita_net, '15094.00', 'nothing changed yet: Yunnan\'s figures');

    // Three values and a programme off, tried as a reform, then saved into her policy.
    await clickAnchor(page, 'params_public_welfare_post');
    await typeInto(page, 'param_public_welfare_post.monthly', '1000');
    await clickAnchor(page, 'params_public_welfare_post');
    await clickAnchor(page, 'params_rain_dew');
    await typeInto(page, 'param_rain_dew.east_west_amount', '6000');
    await clickAnchor(page, 'params_rain_dew');
    await clickAnchor(page, 'params_pension_basic');
    await typeInto(page, 'param_pension_basic.monthly', '150');
    await clickAnchor(page, 'params_pension_basic');
    await clickAnchor(page, 'params_disability_two_subsidies');
    await clickAnchor(page, 'param_disability_two_subsidies.available');
    s = await state(page);
    assert.equal(Object.keys(s.reform.changes).length, 4, JSON.stringify(s.reform.changes));
    await clickAnchor(page, 'policy_save');  // 保存到本县政策: she is on her own policy
    s = await state(page);
    assert.deepEqual(s.reform.changes, {}, 'the changes are the policy\'s own now');
    await clickAnchor(page, 'params_disability_two_subsidies');

    await clickAnchor(page, 'params_public_welfare_post');
    await cite(page, 'public_welfare_post.monthly', '二(一)', '乡村公益性岗位补贴标准为每人每月1000元');
    await clickAnchor(page, 'params_public_welfare_post');
    await clickAnchor(page, 'params_rain_dew');
    await cite(page, 'rain_dew.east_west_amount', '二(二)', '每生每年补助6000元');
    await clickAnchor(page, 'params_rain_dew');
    await clickAnchor(page, 'params_pension_basic');
    // Words not in the clause cannot be saved: 二(三) does not say 160.
    const at = 'param_pension_basic.monthly';
    await clickAnchor(page, `${at}_cite`);
    await clickAnchor(page, `${at}_cite_document`);
    await clickAnchor(page, `${at}_cite_document_mine-1`);
    await typeInto(page, `${at}_cite_clause`, '二(三)');
    await typeInto(page, `${at}_cite_quote`, '每人每月160元');
    await clickAnchor(page, `${at}_cite_save`);
    assert.ok((await state(page)).anchors[`${at}_cite_save`], 'refused: the words are not in 二(三)');
    await clickAnchor(page, `${at}_cite_cancel`);
    await cite(page, 'pension_basic.monthly', '二(三)', '基础养老金最低标准提高到每人每月150元');
    // What her policy changes against Yunnan's, old → new, each with its source.
    await clickAnchor(page, 'params_pension_basic');
    await clickAnchor(page, 'changes_from_base');
    const links = Object.keys((await state(page)).anchors).filter((k) => /^change_\d+$/.test(k));
    assert.equal(links.length, 3, 'the three cited changes link to their clause (the fourth is assumed)');
    await page.screenshot({ path: join(artifacts, 'county-policy-cited.png') });
    await clickAnchor(page, 'changes_from_base');

    // By hand, the Changning household in 2024 under Yunnan: net 60376 for 4 people. The post 12 × (1000 − 800) =
    // +2400; the elder's pension 12 × (150 − 123) = +324; the disability subsidies off: −960. Net 62140, per person
    // 15535. The east-west student's 雨露计划, 6000 instead of 5000, is cash the family receives but not net income
    // (rain_dew.counts_in_net_income): cash received grows by 2400 + 324 − 960 + 1000 = 2764.
    s = await state(page);
    assert.equal(s.per_capita_net, '15535.00');
    const yunnan = nativeEval({ ...s.household, policy: 'yunnan' }, join(repoRoot, 'assets/user-policies/qingzhen.json'));
    assert.equal(Math.round((Number(s.cash_received) - yunnan.income.cash_received) * 100), 276400);
    await saved(page);
    await page.reload();
    await openApp(page, server.url);
    s = await state(page);
    assert.deepEqual(s.storage.unreadable, []);
    assert.equal(s.household.policy, 'yunnan-county', 'kept over a reload');
    assert.equal(s.per_capita_net, '15535.00');

    await clickAnchor(page, 'tab_household');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'policy_export');
    const path = await (await download).path();
    const exported = readFileSync(path, 'utf8');
    const file = JSON.parse(exported);
    assert.equal(file.name.zh, '测试县2024年农民增收政策');
    assert.equal(file.inherits, 'yunnan');
    assert.deepEqual(file.years, [2024, 2025]);
    assert.equal(file.documents[0].number, '测政办发〔2024〕12号');
    assert.equal(file.documents[0].text, documentText);
    assert.deepEqual(file.parameters['rain_dew.east_west_amount'][0].source,
      { document: 'mine-1', clause: '二(二)', quote: '每生每年补助6000元' });
    assert.equal(file.parameters['disability_two_subsidies.available'][0].value, false);
    const native = nativeEval(s.household, path);
    assert.equal(native.policy, 'yunnan-county');
    const check = execFileSync(join(repoRoot, 'build/native/zengshou'), ['policy', 'check', path], { encoding: 'utf8' });
    assert.match(check, /^ok yunnan-county \(测试县2024年农民增收政策\), inherits yunnan, years 2024–2025/);
    assert.ok(check.includes('public_welfare_post.monthly from 2024-01-01: 800 → 1000; source: 《测试县2024年农村低收入' +
      '人口增收若干措施》(测政办发〔2024〕12号)二(一)「乡村公益性岗位补贴标准为每人每月1000元」'), check);
    assert.ok(check.includes('disability_two_subsidies.available from 2024-01-01: true → false; assumed'), check);
    assert.equal(native.income.per_capita_net.toFixed(2), s.per_capita_net, 'the CLI on the exported file');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();

    // A fresh profile: the file imported, the same figures.
    const fresh = await openPage(browser, { viewport });
    await openApp(fresh.page, server.url);
    await clickAnchor(fresh.page, 'examples');
    await clickAnchor(fresh.page, 'example_changning-tuopin');
    await clickAnchor(fresh.page, 'policy');
    const chooser = fresh.page.waitForEvent('filechooser');
    await clickAnchor(fresh.page, 'policy_import');
    await (await chooser).setFiles({ name: 'yunnan-county.json', mimeType: 'application/json',
      buffer: Buffer.from(exported) });
    await fresh.page.waitForFunction(() => window.zengshou.state().household.policy === 'yunnan-county');
    const again = await state(fresh.page);
    assert.equal(again.per_capita_net, native.income.per_capita_net.toFixed(2));
    await fresh.context.close();
  });

  test('a draft with problems: each beside its field, kept over a reload, not used until fixed, discarded on a yes',
    async () => {
      const { page, context } = await openPage(browser, { viewport, acceptDownloads: true });
      await openApp(page, server.url);
      await clickAnchor(page, 'tab_policy');
      await clickAnchor(page, 'policy_new');
      await clickAnchor(page, 'draft_base');
      await clickAnchor(page, 'draft_base_national');  // another province: its figures are hers to give
      await typeInto(page, 'draft_line_monitoring', '0');
      await typeInto(page, 'draft_first_year', '2025');
      await typeInto(page, 'draft_last_year', '2024');
      await clickAnchor(page, 'draft_doc_add');
      await typeInto(page, 'draft_doc_1_issued', '去年三月');
      await frames(page, 3);
      let s = await state(page);
      assert.deepEqual(s.policy_draft.problems,
        ['/name/zh', '/years', '/documents/0/title/zh', '/documents/0/issued', '/lines/monitoring', '/lines/pension']);
      const policyBefore = s.household.policy;
      await clickAnchor(page, 'draft_make');
      assert.equal((await state(page)).household.policy, policyBefore, 'not made while it has problems');
      await page.screenshot({ path: join(artifacts, 'county-policy-draft.png') });

      await saved(page);
      await page.reload();
      await openApp(page, server.url);
      await clickAnchor(page, 'tab_policy');
      await clickAnchor(page, 'policy_draft_continue');
      s = await state(page);
      assert.equal(s.policy_draft.draft.documents[0].issued, '去年三月', 'what she typed, kept');
      assert.deepEqual(s.policy_draft.draft.years, [2025, 2024]);
      assert.equal(s.policy_draft.problems.length, 6);

      await typeInto(page, 'draft_name_zh', '湖南某县增收政策');
      await typeInto(page, 'draft_province', '湖南');
      await typeInto(page, 'draft_first_year', '2024');
      await typeInto(page, 'draft_last_year', '2025');
      await typeInto(page, 'draft_line_monitoring', '7300');
      await typeInto(page, 'draft_line_dibao', '5800');
      await typeInto(page, 'draft_line_pension', '165');
      await clickAnchor(page, 'draft_doc_1_remove');
      assert.deepEqual((await state(page)).policy_draft.problems, []);

      // 放弃草稿 asks; "keep it" keeps every field.
      await clickAnchor(page, 'draft_discard');
      await clickAnchor(page, 'draft_discard_no');
      assert.equal((await state(page)).policy_draft.draft.name.zh, '湖南某县增收政策');
      await clickAnchor(page, 'draft_make');
      s = await state(page);
      assert.equal(s.household.policy, 'national-county');
      // Her province's figures are the policy's from its first year, hers until she names their source; the CLI
      // measures the household against her monitoring line.
      await clickAnchor(page, 'tab_household');
      const download = page.waitForEvent('download');
      await clickAnchor(page, 'policy_export');
      const path = await (await download).path();
      const file = JSON.parse(readFileSync(path, 'utf8'));
      assert.equal(file.province, '湖南');
      assert.deepEqual(file.parameters['lines.monitoring'].map((e) => [e.from, e.value, e.assumed]),
        [['2024-01-01', 7300, true]]);
      assert.equal(file.parameters['pension_basic.monthly'][0].value, 165);
      assert.equal(nativeEval(s.household, path).lines.find((l) => l.id === 'monitoring').value, 7300);
      await clickAnchor(page, 'tab_policy');

      await clickAnchor(page, 'policy_edit_particulars');  // her policy's particulars, to change
      await typeInto(page, 'draft_name_zh', '');
      assert.deepEqual((await state(page)).policy_draft.problems, ['/name/zh']);
      await clickAnchor(page, 'draft_discard');
      await clickAnchor(page, 'draft_discard_yes');
      s = await state(page);
      assert.equal(s.policy_draft, null);
      assert.ok(s.anchors.policy_new, 'the form is gone, her policy as it was');
      await context.close();
    });

  test('as a link: her policy opens on another device, checked as a file is; a built-in\'s own file is that policy',
    async () => {
      const { page, context } = await openPage(browser, { viewport, acceptDownloads: true });
      await openApp(page, server.url);
      await clickAnchor(page, 'examples');
      await clickAnchor(page, 'example_ceheng-dibao');
      await clickAnchor(page, 'policy');
      const chooser = page.waitForEvent('filechooser');
      await clickAnchor(page, 'policy_import');
      await (await chooser).setFiles({ name: 'qingzhen.json', mimeType: 'application/json',
        buffer: readFileSync(join(repoRoot, 'assets/user-policies/qingzhen.json')) });
      await page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
      // Compared with its base (Guizhou) as a reform: the base's figures, and hers under the reform.
      await clickAnchor(page, 'tab_policy');
      const hers = (await state(page)).per_capita_net;
      await clickAnchor(page, 'policy_compare_base');
      let c = await state(page);
      assert.equal(c.household.policy, 'guizhou');
      assert.equal(c.reform_per_capita_net, hers, 'her policy as the reform of its base');
      assert.ok(Object.keys(c.reform.changes).length > 0);
      await clickAnchor(page, 'tab_village');
      c = await state(page);
      assert.equal(c.household.policy, 'guizhou', 'the village compares the base with her policy too');
      await clickAnchor(page, 'tab_household');
      await clickAnchor(page, 'policy');
      await clickAnchor(page, 'policy_guizhou/qingzhen');
      await clickAnchor(page, 'policy_share');
      await page.waitForFunction(() => window.zengshou.state().share_link !== '');
      const s = await state(page);
      const link = s.share_link;
      assert.match(link.split('#')[1], /^policy=[A-Za-z0-9_-]+$/);
      assert.ok(link.length < 8000, `a policy without a pasted text is a short link (${link.length} characters)`);
      await clickAnchor(page, 'share_close');

      // A built-in policy exported is its own file: imported elsewhere, it is that policy, nothing added.
      await clickAnchor(page, 'policy');
      await clickAnchor(page, 'policy_guizhou/ceheng');
      const download = page.waitForEvent('download');
      await clickAnchor(page, 'policy_export');
      const builtin = readFileSync(await (await download).path(), 'utf8');
      assert.equal(builtin, readFileSync(join(repoRoot, 'assets/policies/guizhou/ceheng.json'), 'utf8'),
        'the very text of assets/policies/guizhou/ceheng.json');
      await context.close();

      const other = await openPage(browser, { viewport });
      await openApp(other.page, server.url);
      await clickAnchor(other.page, 'examples');
      await clickAnchor(other.page, 'example_ceheng-dibao');
      await saved(other.page);
      await other.page.goto('about:blank');  // a new load: only the fragment differs
      await openApp(other.page, link);
      await other.page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/qingzhen');
      let t = await state(other.page);
      assert.deepEqual(t.open_errors, []);
      assert.equal(t.per_capita_net, s.per_capita_net, 'the same figures as where the link was made');

      // A link whose policy does not read changes nothing and says why.
      const broken = link.split('#')[0] + '#policy=' + Buffer.from('{"schema": "zengshou.policy/1"}').toString('base64url');
      await saved(other.page);
      await other.page.goto('about:blank');
      await openApp(other.page, broken);
      await other.page.waitForFunction(() => window.zengshou.state().open_errors.length > 0);
      t = await state(other.page);
      assert.equal(t.household.policy, 'guizhou/qingzhen', 'her policy from the first link stays');

      await clickAnchor(other.page, 'close_errors');
      await clickAnchor(other.page, 'policy');
      const chooser2 = other.page.waitForEvent('filechooser');
      await clickAnchor(other.page, 'policy_import');
      await (await chooser2).setFiles({ name: 'ceheng.json', mimeType: 'application/json', buffer: Buffer.from(builtin) });
      await other.page.waitForFunction(() => window.zengshou.state().household.policy === 'guizhou/ceheng');
      t = await state(other.page);
      assert.deepEqual(t.open_errors, []);
      assert.equal(t.per_capita_net,
        nativeEval({ ...t.household }, join(repoRoot, 'assets/user-policies/qingzhen.json')).income.per_capita_net.toFixed(2));
      await other.context.close();
    });
});
