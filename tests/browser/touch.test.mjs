// Touch on a phone (issue 4, item 6): a tap presses the widget under the finger, and dragging a panel scrolls it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickAnchor, frames, launch, openApp, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

describe('touch', () => {
  test('a tap on the language switch switches the language; a drag scrolls the household form', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
      hasTouch: true, isMobile: true });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await page.mouse.move(5, 840);  // the mouse rests far from the switch: a tap must not click there
    await frames(page, 2);
    const a = (await state(page)).anchors.language_switch;
    await page.touchscreen.tap(a.x + a.w / 2, a.y + a.h / 2);
    await frames(page, 3);
    assert.equal((await state(page)).language, 'en');

    // The finger goes down on the form's background (the "head" row, left of its field, where the label is text,
    // not a widget) and moves up 300 pixels.
    const head = (await state(page)).anchors.head;
    const before = head.y;
    const start = Math.round(head.y + head.h / 2);
    const cdp = await context.newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent',
      { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 60, y }] });
    await touch('touchStart', start);
    await frames(page, 2);
    for (let y = start - 20; y >= start - 300; y -= 20) {
      await touch('touchMove', y);
      await frames(page, 1);
    }
    await touch('touchEnd', start - 300);
    await frames(page, 3);
    const after = (await state(page)).anchors.head.y;
    assert.ok(after < before - 150, `the form moved up: ${before} → ${after}`);
    await context.close();
  });
});
