// The household calculator (issue 4): a household built through the UI — clicks, typing, Chinese through the
// overlay input — gives the per-capita net the native CLI gives for the same file; a broken file shows its
// errors and leaves the household as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

function nativeEval(household) {
  const dir = mkdtempSync(join(tmpdir(), 'zengshou-'));
  const file = join(dir, 'household.json');
  writeFileSync(file, JSON.stringify(household));
  return JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', file], { encoding: 'utf8' }));
}

describe('household calculator', () => {
  test('a household built by clicking and typing gives the native CLI per-capita net, to the fen', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 1400 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await typeInto(page, 'head', '王小明');              // Chinese through the overlay
    await typeInto(page, 'm0_member_name', '王小明');
    await clickAnchor(page, 'm0_add_job');
    await typeInto(page, 'm0_job_months', '10');
    await typeInto(page, 'm0_job_wage', '3500.55');
    await clickAnchor(page, 'add_member');
    const s = await state(page);
    assert.equal(s.household.head, '王小明');
    assert.equal(s.household.members[0].name, '王小明');
    assert.equal(s.household.members.length, 2);
    // By hand: 10 × 3500.55 = 35005.50 of wages, nothing else counted; ÷ 2 people = 17502.75.
    assert.equal(s.per_capita_net, '17502.75');
    const native = nativeEval(s.household);
    assert.equal(native.income.per_capita_net.toFixed(2), s.per_capita_net);
    await page.screenshot({ path: join(artifacts, 'calculator-desktop.png') });
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    await context.close();
  });

  test('results follow each keystroke', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 1400 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'm0_add_job');
    await clickAnchor(page, 'm0_job_wage');
    await page.waitForSelector('#text-editor', { state: 'visible' });
    await page.fill('#text-editor', '');
    await page.keyboard.type('1');
    await frames(page, 2);
    assert.equal((await state(page)).per_capita_net, '12.00');  // 12 months × 1 yuan, one person
    await page.keyboard.type('0');
    await frames(page, 2);
    assert.equal((await state(page)).per_capita_net, '120.00');  // before Enter: as one types
    await context.close();
  });

  test('a broken file shows its errors in a window and leaves the household untouched', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_weixi-monitored');
    const before = (await state(page)).household;
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'open_file');
    const broken = { schema: 'zengshou.household/1', year: 2023, category: 'rich', members: [{ birth_year: 1850 }] };
    await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)) });
    await page.waitForFunction(() => window.zengshou.state().open_errors.length > 0);
    const s = await state(page);
    assert.ok(s.open_errors.some((e) => e.startsWith('error: /category: expected one of')), s.open_errors.join('\n'));
    assert.ok(s.open_errors.some((e) => e.startsWith('error: /members/0/birth_year')));
    assert.deepEqual(s.household, before, 'the household is kept');
    assert.ok(s.open_errors_shown.includes('位置 /members/0/birth_year:应为 1900 到 2023 之间的整数,实际为 1850'),
      s.open_errors_shown.join('\n'));
    await frames(page, 2);
    await page.screenshot({ path: join(artifacts, 'calculator-open-errors.png') });
    await clickAnchor(page, 'close_errors');
    assert.deepEqual((await state(page)).open_errors, []);
    await context.close();
  });

  test('a household entered as totals: its totals in place of members, edited, saved, and switched to members',
    async () => {
      const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await openApp(page, server.url);
      await clickAnchor(page, 'examples');
      await clickAnchor(page, 'example_changning-entered-totals');
      let s = await state(page);
      assert.equal(s.household.entered_income.people, 3);
      assert.equal(s.per_capita_net, '7566.75');  // (18000.50 + 5000 − 1500.25 + 1200) ÷ 3, by hand
      assert.equal(s.anchors.add_member, undefined, 'no members to add to');
      await typeInto(page, 'entered_people', '4');
      s = await state(page);
      assert.equal(s.per_capita_net, '5675.06');  // 22700.25 ÷ 4 = 5675.0625
      const download = page.waitForEvent('download');
      await clickAnchor(page, 'save_file');
      const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
      assert.deepEqual(saved.entered_income, { people: 4, wage: 18000.5, production: 5000, production_cost: 1500.25,
        property: 0, transfer: 1200 });
      assert.equal(nativeEval(saved).income.per_capita_net.toFixed(2), '5675.06');
      // It asks first: the totals would go. No keeps them.
      await clickAnchor(page, 'entered_to_members');
      await clickAnchor(page, 'entered_to_members_no');
      assert.equal((await state(page)).household.entered_income.people, 4, 'kept');
      await clickAnchor(page, 'entered_to_members');
      await clickAnchor(page, 'entered_to_members_yes');
      s = await state(page);
      assert.equal(s.household.entered_income, undefined);
      assert.equal(s.household.members.length, 1);
      assert.equal(s.household.members[0].name, '王秀英');
      assert.ok(s.anchors.add_member, 'member by member now');
      await context.close();
    });

  test('a saved file downloads as the household file and opens again to the same household', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-dibao');
    const shown = await state(page);
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'save_file');
    const file = await (await download).path();
    const saved = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    assert.equal(saved.schema, 'zengshou.household/1');
    assert.equal(saved.id, 'CH-077');
    assert.equal(nativeEval(saved).income.per_capita_net.toFixed(2), shown.per_capita_net);
    await context.close();
  });

  test('fits a 1920×1080 projector: editor and results side by side, the charts open', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1920, height: 1080 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    const s = await state(page);
    assert.ok(s.anchors.per_capita_net.x > 960, 'the results are in the right half');
    assert.ok(s.anchors.head.x < 960, 'the editor is in the left half');
    await clickAnchor(page, 'charts');
    const charts = (await state(page)).anchors;
    assert.ok(charts.chart_streams && charts.chart_sweep, 'both charts are drawn');
    await page.screenshot({ path: join(artifacts, 'calculator-projector.png') });
    await context.close();
  });

  test('fits a 390×844 phone: the per-capita net is on screen', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
      hasTouch: true, isMobile: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    const a = (await state(page)).anchors.per_capita_net;
    assert.ok(a.x >= 0 && a.x + a.w <= 390 && a.y >= 0 && a.y + a.h <= 844, JSON.stringify(a));
    await page.screenshot({ path: join(artifacts, 'calculator-phone.png') });
    await context.close();
  });
});
