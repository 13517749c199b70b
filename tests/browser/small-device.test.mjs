// A cheap phone (issue 8): at 360×640 with touch, every view is in reach, text is at least 14 CSS pixels, and a
// 10 000-household roster (36 000 member rows, as a township's spreadsheet) stays under 64 MB of WebAssembly memory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frames, launch, openApp, openPage, saved, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

async function tap(page, name) {
  const a = (await state(page)).anchors[name];
  assert.ok(a, `${name} is drawn`);
  assert.ok(a.x >= 0 && a.x + a.w <= 360 && a.y >= 0 && a.y + a.h <= 640, `${name} is on screen`);
  await page.touchscreen.tap(a.x + a.w / 2, a.y + a.h / 2);
  await frames(page, 4);
}

// 10 000 households of one to six members: 1, 2, …, 6, 1, … (35 000 member rows in all).
function townshipCsv() {
  const rows = ['户编号,村,年度,户类别,姓名,出生年份,务工类型,务工月数,月工资'];
  for (let i = 0; i < 10000; i++)
    for (let m = 0; m <= i % 6; m++)
      rows.push(`T${i},第${i % 40}村,2022,脱贫户,成员${m},${1950 + ((i + m * 7) % 60)},县内务工,${1 + (m % 12)},${900 + m * 350}`);
  return rows.join('\n') + '\n';
}

describe('a cheap phone', () => {
  test('360×640 with touch: views in reach, text at least 14 px, 10 000 households under 64 MB', async () => {
    const { page, context, problems } = await openPage(browser,
      { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await openApp(page, server.url);
    await tap(page, 'examples');
    await tap(page, 'example_changning-tuopin');
    let s = await state(page);
    assert.notEqual(s.per_capita_net, '0.00');
    for (const name of ['per_capita_net', 'tab_household', 'examples'])
      assert.ok(s.anchors[name].h >= 14, `${name}: ${s.anchors[name].h} CSS px high`);
    await tap(page, 'tab_programmes');
    assert.equal((await state(page)).view, 'tab_programmes');
    await tap(page, 'menu_views');  // the roster's tab is scrolled off a 360-pixel screen; the menu has it
    await tap(page, 'menu_tab_roster');
    assert.equal((await state(page)).view, 'tab_roster');

    const heapBefore = await page.evaluate(() => window.zengshou.heapBytes());
    const chooser = page.waitForEvent('filechooser');
    await tap(page, 'roster_import');
    await (await chooser).setFiles({ name: 'township.csv', mimeType: 'text/csv', buffer: Buffer.from(townshipCsv()) });
    await page.waitForFunction(() => window.zengshou.state().roster.households === 10000, null, { timeout: 60000 });
    await frames(page, 30);  // the workspace is written for storage too
    s = await state(page);
    const heap = await page.evaluate(() => window.zengshou.heapBytes());
    console.log(`# WebAssembly memory: ${(heapBefore / 1048576).toFixed(1)} MB at start, ` +
      `${(heap / 1048576).toFixed(1)} MB with 10 000 households (import and evaluation ${s.roster.import_ms.toFixed(0)} ms)`);
    assert.ok(heap < 64 * 1048576, `${heap} bytes`);

    // The next visit reads the 10 000 households back from storage: under 64 MB too.
    await saved(page);
    await page.reload();
    await openApp(page, server.url);
    await page.waitForFunction(() => window.zengshou.state().roster.households === 10000);
    const restored = await page.evaluate(() => window.zengshou.heapBytes());
    console.log(`# WebAssembly memory after reading them back at the next start: ${(restored / 1048576).toFixed(1)} MB`);
    assert.ok(restored < 64 * 1048576, `${restored} bytes`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
