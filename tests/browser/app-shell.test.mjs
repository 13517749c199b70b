// The app shell in real headless Chromium (issue 2): it loads with no errors, draws Chinese text, switches
// language on a click, follows the window size and pixel ratio, explains a missing WebGL2, and stays on 127.0.0.1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickAnchor, decodePng, frames, launch, openApp, openPage, regionStats, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function shot(page, name) {
  const png = await page.screenshot();
  writeFileSync(join(artifacts, name), png);
  return decodePng(png);
}

describe('app shell', () => {
  test('loads, draws its first frame, with no console errors and nothing fetched beyond 127.0.0.1', async () => {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const { error, firstFrameMs } = await openApp(page, server.url);
    assert.equal(error, null);
    console.log(`# navigation to first frame: ${firstFrameMs.toFixed(0)} ms`);
    const state = await page.evaluate(() => window.zengshou.state());
    assert.equal(state.language, 'zh-CN', 'Chinese is the default');
    assert.equal(state.missing_glyphs, 0, 'every character of the string tables is in the font');
    assert.ok(await page.isHidden('#status'), 'the loading indicator is gone');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    for (const file of ['/', '/zengshou-loader.js', '/zengshou.js', '/zengshou.wasm', '/zengshou-font.ttf'])
      assert.ok(server.requests.includes(file), `${file} was served`);
    await context.close();
  });

  test('renders Chinese glyphs, not a blank or one-colour canvas, and the language switch changes them', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await openApp(page, server.url);
    await frames(page, 3);
    const zh = await shot(page, 'shell-zh.png');
    const whole = regionStats(zh, 0, 0, zh.width, zh.height);
    assert.ok(whole.colours > 50, `the screen has ${whole.colours} colours: something was drawn`);

    const state = await page.evaluate(() => window.zengshou.state());
    const tab = state.anchors.tab_household;
    const zhTab = regionStats(zh, tab.x, tab.y, tab.w, tab.h);
    assert.ok(zhTab.darkShare > 0.03 && zhTab.darkShare < 0.6, `tab label ink ${zhTab.darkShare}: glyphs drawn`);
    assert.ok(zhTab.colours > 5, 'anti-aliased glyph edges give several shades');

    await clickAnchor(page, 'language_switch');
    assert.equal((await page.evaluate(() => window.zengshou.state())).language, 'en');
    const en = await shot(page, 'shell-en.png');
    const enTab = (await page.evaluate(() => window.zengshou.state())).anchors.tab_household;
    assert.notEqual(enTab.w, tab.w, 'the English label "Household" is not as wide as "家庭测算"');
    const crop = (img, a) => Buffer.from(img.data.subarray(Math.floor(a.y) * img.width * img.channels,
      Math.floor(a.y + a.h) * img.width * img.channels));
    assert.notDeepEqual(crop(en, tab), crop(zh, tab), 'the pixels of the tab row changed');

    await clickAnchor(page, 'language_switch');
    assert.equal((await page.evaluate(() => window.zengshou.state())).language, 'zh-CN', 'and back to Chinese');
    await context.close();
  });

  test('fills the window in device pixels on a HiDPI phone, and follows a resize', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await openApp(page, server.url);
    await frames(page, 2);
    const size = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight,
        ratio: window.zengshou.state().pixel_ratio };
    });
    assert.deepEqual(await size(), { width: 780, height: 1688, cssWidth: 390, cssHeight: 844, ratio: 2 });
    await shot(page, 'shell-phone.png');
    await page.setViewportSize({ width: 1024, height: 700 });
    await frames(page, 3);
    assert.deepEqual(await size(), { width: 2048, height: 1400, cssWidth: 1024, cssHeight: 700, ratio: 2 });
    await context.close();
  });

  test('a browser without WebGL2 gets a clear message instead of a blank page', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    });
    const { error } = await openApp(page, server.url);
    assert.equal(error, 'webgl2');
    assert.ok(await page.isVisible('#status'));
    assert.match(await page.textContent('#status'), /WebGL2/);
    assert.match(await page.textContent('#status'), /浏览器/);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
