// Issue 21: the documents' other household measures as programmes. In the browser they give the native build's
// amounts to the fen, and the guided questions ask their facts only where the household's policy has them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, launch, openApp, openPage, repoRoot, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const amount = (s, id) => s.programmes.find((p) => p.id === id).amount;

function nativeEval(household) {
  const dir = mkdtempSync(join(tmpdir(), 'zengshou-'));
  const file = join(dir, 'household.json');
  writeFileSync(file, JSON.stringify(household));
  return JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', file], { encoding: 'utf8' }));
}

// Next, until `anchor` is on screen (or the questions end): the questions asked depend on the household.
async function nextUntil(page, anchor) {
  for (let i = 0; i < 60; ++i) {
    const s = await state(page);
    if (s.anchors[anchor]) return s;
    if (!s.anchors.guide_next) break;
    await clickAnchor(page, 'guide_next');
  }
  return state(page);
}

// The questions a guided pass shows, from the first to the results page.
async function anchorsSeen(page) {
  const seen = new Set();
  for (let i = 0; i < 60; ++i) {
    const s = await state(page);
    for (const a of Object.keys(s.anchors)) if (a.startsWith('guide_')) seen.add(a);
    if (!s.anchors.guide_next) break;
    await clickAnchor(page, 'guide_next');
  }
  return seen;
}

describe('the documents\' other household measures', () => {
  test('the Ceheng example gives the native amounts to the fen, each new programme among them', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-household-measures');
    const s = await state(page);
    assert.equal(s.household.policy, 'guizhou/ceheng');
    const native = nativeEval(s.household);
    assert.equal(s.per_capita_net, native.income.per_capita_net.toFixed(2));
    for (const id of ['forest_ranger_post', 'village_doctor_subsidy', 'internship_allowance', 'certificate_subsidy',
      'microcredit_interest_subsidy', 'grain_subsidy', 'returned_farmland_subsidy', 'guaranteed_dividend']) {
      const n = native.programmes.find((p) => p.id === id) ?? native.programmes[id];
      assert.ok(n.eligible, `${id} is paid in the example`);
      assert.equal(amount(s, id), n.amount.toFixed(2), id);
    }
    // The member's certificate is asked in the form where Ceheng has 证书直补.
    assert.ok(s.anchors.m0_certificate, 'the certificate field');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('guided: Ceheng asks the posts, the certificate, grain and the dividend; typed answers move the amounts',
    async () => {
      const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
      const { page, context, problems } = await openPage(browser, phone);
      await openApp(page, server.url);
      await clickAnchor(page, 'examples');
      await clickAnchor(page, 'example_ceheng-household-measures');
      await clickAnchor(page, 'guided_mode');
      // The job question offers, after the usual five, 生态护林员, 村医 and 就业见习: Ceheng pays each.
      let s = await nextUntil(page, 'guide_job_0');
      assert.ok(s.anchors.guide_job_5 && s.anchors.guide_job_6 && s.anchors.guide_job_7, 'eight job choices');
      await page.screenshot({ path: join(artifacts, 'guided-ceheng-jobs.png') });
      // 证书直补 (003 附件2 三.23): 中级 adds 1500 to the member's certificate subsidy.
      s = await nextUntil(page, 'guide_certificate_2');
      assert.ok(s.anchors.guide_certificate_2, 'the certificate question');
      // The first member asked (韦国华) has none yet: 1000 (罗秀英's 初级) becomes 1000 + 1500.
      assert.equal(s.household.members[0].certificate, undefined);
      assert.equal(amount(s, 'certificate_subsidy'), '1000.00');
      await clickAnchor(page, 'guide_certificate_2');
      s = await state(page);
      assert.equal(s.household.members[0].certificate, 'intermediate');
      assert.equal(amount(s, 'certificate_subsidy'), '2500.00');
      // 实际种粮一次性补贴: 10 mu × 20 yuan (assumed) = 200.
      s = await nextUntil(page, 'guide_grain');
      assert.ok(s.anchors.guide_grain, 'the grain area is asked with the land');
      await typeInto(page, 'guide_grain', '10');
      s = await state(page);
      assert.equal(s.household.transfers.grain_mu, 10);
      assert.equal(amount(s, 'grain_subsidy'), '200.00');
      s = await nextUntil(page, 'guide_dividend');
      assert.ok(s.anchors.guide_dividend, 'the guaranteed dividend is asked with the support');
      assert.equal(nativeEval(s.household).income.per_capita_net.toFixed(2), s.per_capita_net);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });

  test('guided: Changning does not ask what it does not pay (no 村医 or 见习, no certificate, no dividend)', async () => {
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
    const { page, context } = await openPage(browser, phone);
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await clickAnchor(page, 'guided_mode');
    const seen = await anchorsSeen(page);
    // Changning has rangers (6 choices: none, four kinds, 护林员), not 村医 or 就业见习's top-up.
    assert.ok(seen.has('guide_job_5'));
    assert.ok(!seen.has('guide_job_6'), 'no village doctor or internship in Changning');
    assert.ok(!seen.has('guide_certificate_0'), 'no 证书直补 in Changning');
    assert.ok(!seen.has('guide_dividend'), 'no 保底分红 in Changning');
    assert.ok(seen.has('guide_grain'), 'Changning pays 实际种粮一次性补贴 (000 三(三)20)');
    assert.ok(seen.has('guide_microcredit'), 'and 小额信贷贴息 (000 三(二)17)');
    await context.close();
  });
});
