// The policy simulator (issue 5) in real headless Chromium: the village the browser makes is the native CLI's to
// the fen, for the policy and for a prepared reform; a parameter changed in the editor changes the household and is
// saved and opened again as a reform file; the presenter steps through the scenarios; tables export as CSV and the
// histogram as a PNG; a slider re-runs a 10 000-household village as it moves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, decodePng, frames, launch, openApp, openPage, pressKey, repoRoot, serve, typeInto }
  from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const cli = (...args) => execFileSync(join(repoRoot, 'build/native/zengshou'), args,
  { cwd: join(repoRoot, 'assets'), encoding: 'utf8' });

// The summary fields `zengshou simulate` prints, without the run's own settings.
function summary(json) {
  const { policy, year, seed, against_policy, ...rest } = json;
  return rest;
}

async function download(page, anchor) {
  const event = page.waitForEvent('download');
  await clickAnchor(page, anchor);
  const d = await event;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

async function pickScenario(page, n) {
  await clickAnchor(page, 'scenario');
  await clickAnchor(page, `scenario_${n}`);
  await frames(page, 3);
}

describe('policy simulator', () => {
  test('the browser village is the native CLI village to the fen, under the policy and a prepared reform', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_village');
    await typeInto(page, 'village_seed', '7');
    await typeInto(page, 'village_households', '2000');
    let s = await state(page);
    assert.equal(s.village.seed, 7);
    const native = JSON.parse(cli('simulate', '--policy', 'yunnan/changning', '--year', '2022', '--households', '2000',
      '--seed', '7'));
    assert.equal(s.village.baseline.households, 2000);
    assert.deepEqual(s.village.baseline, summary(native));

    // 公益性岗位 800 → 1000 (000 三(一)4): the CLI given the same reform file prints the same village and effect.
    await pickScenario(page, 1);
    s = await state(page);
    assert.equal(s.reform.changes['public_welfare_post.monthly'], 1000);
    const reformed = JSON.parse(cli('simulate', '--policy', 'yunnan/changning', '--year', '2022', '--households',
      '2000', '--seed', '7', '--reform', 'reforms/1-post-1000.json'));
    assert.deepEqual(s.village.reform, summary(reformed));
    assert.deepEqual(s.village.comparison, reformed.against_policy);
    assert.ok(s.village.comparison.winners > 0);
    assert.equal(s.village.comparison.losers, 0);
    await page.screenshot({ path: join(artifacts, 'village-reform.png') });
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('a parameter changed in the editor changes the household, and the reform saves and opens again', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await clickAnchor(page, 'tab_policy');
    await clickAnchor(page, 'params_public_welfare_post');
    await typeInto(page, 'param_public_welfare_post.monthly', '1000');
    let s = await state(page);
    assert.deepEqual(s.reform.changes, { 'public_welfare_post.monthly': 1000 });
    // By hand: the post holder works 12 months at the 800 floor; at 1000 the household gains 12 × 200 = 2400,
    // 600 a person over 4 people. The native CLI with the same --set agrees to the fen.
    const household = join(repoRoot, 'assets/examples/changning-tuopin.json');
    const base = JSON.parse(cli('eval', household));
    const raised = JSON.parse(cli('eval', '--set', 'public_welfare_post.monthly=1000', household));
    assert.equal(s.per_capita_net, base.income.per_capita_net.toFixed(2));
    assert.equal(s.reform_per_capita_net, raised.income.per_capita_net.toFixed(2));
    assert.equal(Math.round((raised.income.per_capita_net - base.income.per_capita_net) * 100), 600 * 100);

    await typeInto(page, 'reform_name', '岗位一千元');
    const saved = await download(page, 'save_reform');
    const file = JSON.parse(saved.bytes.toString('utf8'));
    assert.equal(file.schema, 'zengshou.reform/1');
    assert.equal(file.name, '岗位一千元');
    assert.equal(file.policy, 'yunnan/changning');
    assert.deepEqual(file.changes, { 'public_welfare_post.monthly': 1000 });

    await clickAnchor(page, 'clear_reform');
    assert.deepEqual((await state(page)).reform.changes, {});
    const open = async (text) => {
      const chooser = page.waitForEvent('filechooser');
      await clickAnchor(page, 'open_reform');
      await (await chooser).setFiles({ name: 'reform.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await frames(page, 5);
      return state(page);
    };
    s = await open(saved.bytes.toString('utf8'));
    assert.deepEqual(s.reform.changes, { 'public_welfare_post.monthly': 1000 });
    assert.equal(s.reform.name, '岗位一千元');
    // A household file is not a reform: one line says so, and the reform in force stays.
    s = await open(readFileSync(household, 'utf8'));
    assert.deepEqual(s.open_errors, ['error: /schema: expected "zengshou.reform/1", got "zengshou.household/1"',
      'error: /name: expected this required field', 'error: /changes: expected this required field']);
    assert.deepEqual(s.reform.changes, { 'public_welfare_post.monthly': 1000 });
    await page.screenshot({ path: join(artifacts, 'policy-editor.png') });
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('the presenter steps through the prepared scenarios in large type, by buttons and arrow keys', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'menu_presenter');
    await frames(page, 3);
    let s = await state(page);
    assert.equal(s.presenter.scenario, 0);
    assert.ok(s.font_scale >= 1.5, `font scale ${s.font_scale}`);
    assert.match(s.reform.name, /公益性岗位/);
    await pressKey(page, 'ArrowRight');
    s = await state(page);
    assert.equal(s.presenter.scenario, 1);
    assert.deepEqual(s.reform.changes, { 'rain_dew.counts_in_net_income': true });
    await clickAnchor(page, 'presenter_next');
    s = await state(page);
    assert.equal(s.presenter.scenario, 2);
    // Guizhou pension 103 → 118 (003 附件2 三.25): Ceheng, 2022.
    assert.equal(s.household.policy, 'guizhou/ceheng');
    assert.equal(s.household.year, 2022);
    assert.ok(s.village.comparison.winners > 0);
    await page.screenshot({ path: join(artifacts, 'presenter.png') });
    await pressKey(page, 'ArrowRight');
    assert.equal((await state(page)).presenter.scenario, 0);
    await pressKey(page, 'Escape');
    s = await state(page);
    assert.equal(s.presenter, null);
    assert.equal(s.font_scale, 1);
    await context.close();
  });

  test('tables export as CSV with the numbers shown, the histogram as a PNG of the chart', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 2400 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_village');
    await pickScenario(page, 1);
    const s = await state(page);
    const csv = await download(page, 'village_summary_csv');
    assert.equal(csv.name, 'village-summary.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);  // the BOM spreadsheet programs look for
    const text = csv.bytes.subarray(3).toString('utf8');
    assert.ok(text.startsWith('项目,现行政策,改革方案,变化\r\n'), JSON.stringify(text.slice(0, 40)));
    const rows = Object.fromEntries(text.trim().split('\r\n').map((line) => [line.split(',')[0], line.split(',')]));
    assert.deepEqual(rows['户数'], ['户数', '300', '300', '']);
    const below = rows['低于监测线的人数'];
    assert.equal(below[1], String(s.village.baseline.people_below_monitoring_line));
    assert.equal(below[2], String(s.village.reform.people_below_monitoring_line));
    assert.equal(rows['贫困缺口合计(元)'][1], s.village.baseline.poverty_gap_total.toFixed(2));
    // The monitoring decision over the village (001 二(二)): households to take in, monitored, may leave.
    assert.ok(s.village.baseline.monitoring.enter > 0 && s.village.baseline.monitoring.monitored > 0);
    assert.deepEqual(rows['建议纳入监测的户数'].slice(1, 3),
      [String(s.village.baseline.monitoring.enter), String(s.village.reform.monitoring.enter)]);
    assert.deepEqual(rows['其中可申请风险消除的户数'].slice(1, 3),
      [String(s.village.baseline.monitoring.may_exit), String(s.village.reform.monitoring.may_exit)]);

    const png = await download(page, 'chart_histogram_png');
    assert.equal(png.name, 'village-histogram.png');
    const image = decodePng(png.bytes);
    const chart = s.anchors.chart_histogram;
    assert.equal(image.width, Math.round(chart.w));
    assert.equal(image.height, Math.round(chart.h));
    // Baseline bars blue (66, 133, 244), reform bars orange (255, 112, 67), the line red: all in the picture.
    const has = (r, g, b) => {
      for (let i = 0; i < image.data.length; i += image.channels)
        if (Math.abs(image.data[i] - r) < 8 && Math.abs(image.data[i + 1] - g) < 8 && Math.abs(image.data[i + 2] - b) < 8)
          return true;
      return false;
    };
    assert.ok(has(66, 133, 244), 'baseline bars');
    assert.ok(has(255, 112, 67), 'reform bars');
    assert.ok(has(200, 50, 40), 'monitoring line');
    writeFileSync(join(artifacts, 'village-histogram.png'), png.bytes);
    await context.close();
  });

  test('dragging a slider re-runs a 10 000-household village as it moves, never lowering anyone', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_village');
    await clickAnchor(page, 'village_size_10000');
    await clickAnchor(page, 'params_public_welfare_post');
    const slider = (await state(page)).anchors['param_public_welfare_post.monthly_slider'];
    await page.mouse.move(slider.x + 3, slider.y + slider.h / 2);
    await page.mouse.down();
    const costs = [];
    for (let i = 1; i <= 6; i++) {
      await page.mouse.move(slider.x + i * slider.w / 6 - 3, slider.y + slider.h / 2);
      await frames(page, 2);
      const s = await state(page);
      assert.equal(s.village.baseline.households, 10000);
      assert.equal(s.village.comparison.losers, 0);
      costs.push(s.village.comparison.cost);
    }
    await page.mouse.up();
    // Each step right raises the post's pay: the cost rises with it.
    for (let i = 1; i < costs.length; i++) assert.ok(costs[i] > costs[i - 1], JSON.stringify(costs));
    await context.close();
  });
});
