// The mouse wheel scrolls as the browser scrolls a page (issue 20, 2): one notch down (100 CSS pixels in
// Chromium) moves the panel 100 pixels down, a notch up brings it back; a wheel that counts in lines (Firefox, some
// mice) moves three lines of text. It used to jump the panel to the top, the wrong way and ~90 px per pixel of delta.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickAnchor, frames, launch, openApp, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
// Within a pixel: ImGui keeps the offset in whole device pixels.
const near = (actual, expected, message) => assert.ok(Math.abs(actual - expected) <= 1, `${message}: ${actual}, not ${expected}`);
const programmesScroll = async (page) => {
  const scroll = (await state(page)).scroll;
  const name = Object.keys(scroll).find((n) => n.includes('##programmes'));
  assert.ok(name, `a programmes panel among ${Object.keys(scroll)}`);
  return scroll[name];
};

describe('the mouse wheel', () => {
  test('a notch scrolls one step the way it was turned; lines scroll three lines', async () => {
    // A short window, so the programmes panel has more than a screen to scroll.
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1024, height: 340 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await clickAnchor(page, 'tab_programmes');
    await page.mouse.move(500, 300);
    await frames(page, 3);
    assert.equal(await programmesScroll(page), 0);

    await page.mouse.wheel(0, 100);
    await frames(page, 4);
    near(await programmesScroll(page), 100, 'one notch down: 100 pixels down');
    await page.mouse.wheel(0, 100);
    await frames(page, 4);
    near(await programmesScroll(page), 200, 'two notches');
    await page.mouse.wheel(0, -100);
    await frames(page, 4);
    near(await programmesScroll(page), 100, 'one notch up: back 100 pixels');

    // Three lines (DOM_DELTA_LINE) of the 18-pixel text: 54 pixels.
    await page.evaluate(() => document.querySelector('#canvas').dispatchEvent(new WheelEvent('wheel',
      { deltaY: 3, deltaMode: 1, clientX: 500, clientY: 300, bubbles: true, cancelable: true })));
    await frames(page, 4);
    near(await programmesScroll(page), 154, 'three lines more');
    // The page itself never scrolls.
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
