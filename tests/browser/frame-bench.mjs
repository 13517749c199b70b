// A benchmark, not a test (run by scripts/bench): frame times in headless Chromium while editing a 30-member
// household, navigation to the first frame (the median of three first visits) and the floor under it, and how long a
// village of 10 000 and of 100 000 households takes to re-run under the reform while a slider moves. Prints one JSON
// object.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickAnchor, frames, launch, openApp, openPage, serve, typeInto, webRoot } from './harness.mjs';

const server = await serve();
const browser = await launch();
// The floor under it (tests/browser/floor): a page that only makes the WebGL context, ImGui's shaders and a texture
// and draws once; and the same that also compiles the app's WebAssembly. The median of five first visits each.
const floorRoot = mkdtempSync(join(tmpdir(), 'zengshou-floor-'));
for (const file of ['index.html', 'floor.js'])
  copyFileSync(join(import.meta.dirname, 'floor', file), join(floorRoot, file));
copyFileSync(join(webRoot, 'zengshou.wasm'), join(floorRoot, 'zengshou.wasm'));
const floorServer = await serve(floorRoot);
const floor = {};
for (const [name, query] of [['webgl_ms', ''], ['webgl_and_wasm_compile_ms', '?wasm']]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const fresh = await openPage(browser, { viewport: { width: 1280, height: 900 } }, { route: false });
    times.push((await openApp(fresh.page, floorServer.url + query)).firstFrameMs);
    await fresh.context.close();
  }
  floor[name] = Math.round(times.sort((a, b) => a - b)[2]);
}
await floorServer.close();
rmSync(floorRoot, { recursive: true });
// The first frame of a first visit, the median of three, each in a fresh profile. Requests go straight to the
// server (not through Playwright's routing, which relays every byte through the driver) and the server has its
// files compressed ahead, as a static host has: the figure is the page's, not the harness's.
const firstFrames = [];
for (let i = 0; i < 3; i++) {
  const fresh = await openPage(browser, { viewport: { width: 1280, height: 900 } }, { route: false });
  firstFrames.push((await openApp(fresh.page, server.url)).firstFrameMs);
  await fresh.context.close();
}
const firstFrameMs = firstFrames.sort((a, b) => a - b)[1];
const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
await openApp(page, server.url);

const members = Array.from({ length: 30 }, (_, i) => ({
  name: `成员${i + 1}`, birth_year: 1950 + i * 2, labor: 'full',
  jobs: [{ kind: i % 3 ? 'local' : 'out_of_province', months: 10, monthly_wage: 3000 + i * 10 }],
  pension: { enrolled: true, tier: 300 },
}));
const household = { schema: 'zengshou.household/1', id: 'BIG', policy: 'guizhou/ceheng', year: 2023,
  category: 'tuopin', members, transfers: { farmland_mu: 12 } };
const chooser = page.waitForEvent('filechooser');
await clickAnchor(page, 'open_file');
await (await chooser).setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(household)) });
await frames(page, 130);  // fill the 120-frame window with the 30-member household on screen
const idle = await page.evaluate(() => window.zengshou.frameStats());
await typeInto(page, 'm0_member_name', '王');
await clickAnchor(page, 'm0_job_wage');
for (const key of '45678') await page.keyboard.type(key);
await frames(page, 20);
const editing = await page.evaluate(() => window.zengshou.frameStats());
const size = (await page.evaluate(() => window.zengshou.state())).household.members.length;

// The village view: the post's pay slider dragged across, the reform re-run timed by the app at each step.
const village = {};
await clickAnchor(page, 'tab_village');
await clickAnchor(page, 'params_public_welfare_post');
for (const households of [10000, 100000]) {
  await clickAnchor(page, `village_size_${households}`);
  await frames(page, 3);
  const state = await page.evaluate(() => window.zengshou.state());
  const slider = state.anchors['param_public_welfare_post.monthly_slider'];
  const times = [];
  await page.mouse.move(slider.x + 3, slider.y + slider.h / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(slider.x + i * (slider.w - 6) / 20, slider.y + slider.h / 2);
    await frames(page, 2);
    times.push((await page.evaluate(() => window.zengshou.state())).village.reform_ms);
  }
  await page.mouse.up();
  times.sort((a, b) => a - b);
  village[households] = { generate_ms: +state.village.generate_ms.toFixed(1), reform_median_ms: +times[10].toFixed(1),
    reform_max_ms: +times[19].toFixed(1) };
}
// The roster: a 10 000-household CSV imported and evaluated, then its table scrolled.
const rows = ['household_id,head,village,year,category,name,birth_year,job_kind,months,monthly_wage'];
for (let i = 0; i < 10000; i++)
  rows.push(`R${i},户主${i},村${i % 20},2023,tuopin,户主${i},${1950 + (i % 50)},local,${1 + (i % 12)},${900 + (i % 300) * 10}`);
await clickAnchor(page, 'tab_roster');
const chooser2 = page.waitForEvent('filechooser');
await clickAnchor(page, 'roster_import');
await (await chooser2).setFiles({ name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
await page.waitForFunction(() => window.zengshou.state().roster.households >= 10000, null, { timeout: 60000 });
const importMs = (await page.evaluate(() => window.zengshou.state())).roster.import_ms;
const header = (await page.evaluate(() => window.zengshou.state())).anchors.roster_header;
await page.mouse.move(header.x + 40, header.y + 200);
await frames(page, 130);
for (let i = 0; i < 60; i++) {
  await page.mouse.wheel(0, 400);
  await frames(page, 1);
}
const scrolling = await page.evaluate(() => window.zengshou.frameStats());
console.log(JSON.stringify({ first_frame_ms: Math.round(firstFrameMs), first_frame_floor: floor,
  thirty_members_idle: idle, thirty_members_editing: editing, size, village_slider: village,
  roster_10000: { import_and_evaluate_ms: Math.round(importMs), scrolling_frame: scrolling } }));
await context.close();
await browser.close();
await server.close();
