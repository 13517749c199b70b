// The guided mode (问答式, issue 4): one question at a time, skipping what does not matter, filling the same
// household; the answers give the hand-computed per-capita net.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, serve, typeInto } from './harness.mjs';

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
});
