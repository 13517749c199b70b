// Amounts past ±10^13 yuan (issue 14, item 9): the app shows a message naming what overflowed instead of a wrong
// figure — in the calculator, the roster and the village.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Within every input range: 100 000 000 yuan a month for 12 months against last year's 0.01 yuan a person is a
// growth of 1.2 × 10^15 basis points, past the limit.
const household = {
  schema: 'zengshou.household/1', id: 'BIG', head: '甲', policy: 'yunnan/changning', year: 2022,
  category: 'general', last_year_per_capita_net: 0.01,
  members: [{ name: '甲', birth_year: 1975, jobs: [{ kind: 'local', months: 12, monthly_wage: 100000000 }] }],
};

async function choose(page, anchor, name, text) {
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, anchor);
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await frames(page, 5);
  return state(page);
}

describe('overflow', () => {
  test('the calculator names what overflowed and shows no figures', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    const s = await choose(page, 'open_file', 'big.json', JSON.stringify(household));
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.overflow, '/growth/percent');
    assert.ok(s.anchors.overflow_notice, 'the message is drawn');
    assert.equal(s.anchors.per_capita_net, undefined, 'no per-capita figure is drawn');
    await page.screenshot({ path: join(artifacts, 'overflow-calculator.png') });
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the roster shows 溢出 in the row and the count above the table', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    const s = await choose(page, 'roster_import', 'roster.json', JSON.stringify([household]));
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.roster.households, 1);
    assert.equal(s.roster.first_rows[0].per_capita_net, '溢出');
    await frames(page, 3);
    assert.ok((await state(page)).anchors.roster_overflow, 'the count of overflowed households is drawn');
    await page.screenshot({ path: join(artifacts, 'overflow-roster.png') });
    await context.close();
  });

  test('a village whose farmland subsidy totals past the limit shows the message, not the tables', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_village');
    const reform = { schema: 'zengshou.reform/1', name: '每亩一亿元', policy: 'yunnan/changning', year: 2022,
      changes: { 'farmland_subsidy.per_mu': 100000000 } };
    let s = await choose(page, 'open_reform', 'reform.json', JSON.stringify(reform));
    assert.deepEqual(s.open_errors, []);
    // 300 households of 0.5–10 mu at 10^8 yuan a mu: about 1.5 × 10^11 yuan, within the limit.
    assert.equal(s.anchors.village_overflow, undefined);
    assert.ok(s.anchors.village_summary_csv, 'the tables are drawn');
    // 100 000 households: about 5 × 10^13 yuan, past it.
    await clickAnchor(page, 'village_size_100000');
    await page.waitForFunction(() => window.zengshou.state().village.households === 100000);
    await frames(page, 3);
    s = await state(page);
    assert.ok(s.anchors.village_overflow, 'the message is drawn');
    assert.equal(s.anchors.village_summary_csv, undefined, 'no table of figures is drawn');
    await page.screenshot({ path: join(artifacts, 'overflow-village.png') });
    await context.close();
  });
});
