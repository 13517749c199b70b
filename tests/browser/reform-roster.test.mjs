// The reform in force applies everywhere a policy does (issue 20, 5): the roster's rows and its 明白卡 follow the
// prepared scenario "公益性岗位补贴 800 → 1000", say so, and go back to the policy in force at one click.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// By hand, Changning 2022: P1 a post 12 months at 700, paid the floor: 800 × 12 = 9600, under the reform 1000 × 12
// = 12000; P2 a county job 12 × 1500 = 18000 either way.
const csv = '户编号,户主,村,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资\r\n' +
  'P1,杨一,新村,2022,脱贫户,杨一,1975,公益性岗位,12,700\r\n' +
  'P2,杨二,新村,2022,脱贫户,杨二,1980,县内务工,12,1500\r\n';

describe('the roster under a reform', () => {
  test('rows and the card follow the scenario and say so; one click shows the policy in force', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'roster_import');
    await (await chooser).setFiles({ name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await frames(page, 5);
    let s = await state(page);
    assert.deepEqual(s.roster.first_rows.map((r) => r.per_capita_net), ['9600.00', '18000.00']);
    assert.equal(s.anchors.roster_reform_notice, undefined, 'no reform: nothing to say');

    await clickAnchor(page, 'tab_policy');
    await clickAnchor(page, 'scenario');
    await clickAnchor(page, 'scenario_1');
    await clickAnchor(page, 'tab_roster');
    s = await state(page);
    assert.ok(s.anchors.roster_reform_notice);
    assert.deepEqual(s.roster.first_rows.map((r) => r.per_capita_net), ['12000.00', '18000.00']);
    await page.screenshot({ path: join(artifacts, 'roster-reform.png') });

    await clickAnchor(page, 'roster_reform_switch');
    s = await state(page);
    assert.deepEqual(s.roster.first_rows.map((r) => r.per_capita_net), ['9600.00', '18000.00'], 'the policy in force');
    await clickAnchor(page, 'roster_reform_switch');
    s = await state(page);
    assert.deepEqual(s.roster.first_rows.map((r) => r.per_capita_net), ['12000.00', '18000.00']);

    const a = s.anchors.roster_row_0;
    await page.mouse.click(a.x + 20, a.y + a.h / 2);
    await frames(page, 3);
    const popup = context.waitForEvent('page');
    await clickAnchor(page, 'roster_card');
    const card = await popup;
    await card.waitForLoadState();
    const text = await card.evaluate(() => document.body.innerText);
    assert.match(text, /按政策模拟测算\(不是现行政策\):公益性岗位补贴 800 → 1000 元\/月/);
    assert.match(text, /公益性岗位补贴最低标准 800 元\/月 → 1000 元\/月/);
    assert.match(text, /12000\.00/);
    // Laid out for a phone as well as for A4.
    assert.equal(await card.evaluate(() => document.querySelector('meta[name=viewport]')?.content),
      'width=device-width, initial-scale=1');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
