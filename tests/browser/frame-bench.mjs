// A benchmark, not a test (run by scripts/bench): frame times in headless Chromium while editing a 30-member
// household, and navigation to the first frame. Prints one JSON object.
import { clickAnchor, frames, launch, openApp, openPage, serve, typeInto } from './harness.mjs';

const server = await serve();
const browser = await launch();
const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
const { firstFrameMs } = await openApp(page, server.url);

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
console.log(JSON.stringify({ first_frame_ms: Math.round(firstFrameMs), thirty_members_idle: idle,
  thirty_members_editing: editing, size: (await page.evaluate(() => window.zengshou.state())).household.members.length }));
await context.close();
await browser.close();
await server.close();
