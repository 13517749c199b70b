// The guided mode (问答式, issue 4): one question at a time, skipping what does not matter, filling the same
// household; the answers give the hand-computed per-capita net.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, scrollTo, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

describe('guided mode', () => {
  test('asks one question at a time, skips job questions for a child, and fills the household', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
      hasTouch: true, isMobile: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'guided_mode');
    await clickAnchor(page, 'guide_next');                 // category: 脱贫户 (the default)
    await typeInto(page, 'guide_size', '2');
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_name', '李华');               // person 1
    await typeInto(page, 'guide_birth_year', '1980');
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_job_3');                // out of the province
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_wage', '4000');              // 12 months (the default) × 4000
    await clickAnchor(page, 'guide_next');                 // school (42 years old: skipped), pension, disability
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_name', '李小');               // person 2, a child of 10
    await typeInto(page, 'guide_birth_year', '2012');
    await clickAnchor(page, 'guide_next');
    // A 10-year-old is not asked about jobs: the next question is school.
    assert.equal((await state(page)).anchors.guide_job_0, undefined);
    await page.screenshot({ path: join(artifacts, 'guided-phone.png') });
    const s = await state(page);
    assert.deepEqual(s.household.members.map((m) => m.name), ['李华', '李小']);
    // By hand: 48000 of wages (the travel subsidy is cash, not counted) ÷ 2 = 24000.
    assert.equal(s.per_capita_net, '24000.00');
    await context.close();
  });

  test('asks about spending, 三保障 and sudden hardship where they matter, and ends on the monitoring verdict', async () => {
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
    const { page, context, problems } = await openPage(browser, phone);
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'guided_mode');
    await clickAnchor(page, 'guide_next');                 // 脱贫户
    await typeInto(page, 'guide_size', '1');
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_name', '王芳');
    await typeInto(page, 'guide_birth_year', '1980');
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_job_1');                // in the county
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_wage', '3000');              // 12 × 3000 = 36 000, far above any line
    for (let i = 0; i < 6; ++i) await clickAnchor(page, 'guide_next');  // pension … support
    let s = await state(page);
    assert.ok(s.anchors.guide_medical, 'the spending question');
    assert.equal(s.monitoring.verdict, 'not_needed');
    // 001 二(二)一 又看支出: 20 000 of medical costs is more than half of 36 000.
    await typeInto(page, 'guide_medical', '20000');
    s = await state(page);
    assert.equal(s.monitoring.verdict, 'enter');
    assert.equal(s.monitoring.kind, 'monitor_sudden');
    assert.equal(s.monitoring.conditions.rigid_expenses, true);
    await clickAnchor(page, 'guide_next');
    s = await state(page);
    assert.ok(s.anchors.guide_security_house);
    assert.equal(s.anchors.guide_security_school, undefined, 'no child of compulsory-school age: not asked');
    await clickAnchor(page, 'guide_security_house');
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_sudden_1');             // illness
    await typeInto(page, 'guide_sudden_month', '5');
    await clickAnchor(page, 'guide_next');
    s = await state(page);
    assert.equal(s.anchors.guide_next, undefined, 'the last page');
    // It ends on what the family gets; the verdict is the cadre's, a click away.
    assert.ok(s.anchors.you_get_title);
    await scrollTo(page, 'you_get_monitoring');
    await clickAnchor(page, 'you_get_monitoring');
    s = await state(page);
    assert.ok(s.anchors.monitoring_verdict, 'the verdict');
    assert.deepEqual(s.household.security, { child_out_of_school: false, member_uninsured: false, house_unsafe: true,
      water_unsafe: false });
    assert.equal(s.household.sudden_event.kind, 'illness');
    assert.equal(s.household.sudden_event.date, `${s.household.year}-05`);
    assert.equal(s.monitoring.conditions.security_gap, true);
    assert.equal(s.monitoring.conditions.sudden_event, true);
    // The same household on the command line: the same verdict and kind.
    const file = join(mkdtempSync(join(tmpdir(), 'zengshou-')), 'household.json');
    writeFileSync(file, JSON.stringify(s.household));
    const native = JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', file],
      { encoding: 'utf8' })).monitoring;
    assert.equal(native.verdict, 'enter');
    assert.equal(native.kind, s.monitoring.kind);
    await page.screenshot({ path: join(artifacts, 'guided-monitoring.png') });

    // An urban resident is outside the rural monitoring: none of the three questions is asked. 新建 asks first
    // (her answers are not in the roster), then starts the questions again.
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'replace_discard');
    await clickAnchor(page, 'guide_category_5');
    for (let i = 0; i < 20 && (await state(page)).anchors.guide_next; ++i) {
      assert.equal((await state(page)).anchors.guide_medical, undefined);
      await clickAnchor(page, 'guide_next');
    }
    s = await state(page);
    assert.equal(s.anchors.guide_next, undefined, 'reached the end');
    assert.equal(s.household.category, 'urban');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
