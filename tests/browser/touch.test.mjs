// Touch on a phone (issue 4, item 6): a tap presses the widget under the finger, and dragging a panel scrolls it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, serve } from './harness.mjs';

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

  // Issue 20, 2: targets a finger hits, help on a tap that covers nothing it explains, no highlight left behind,
  // and a fling that goes on after the finger lifts.
  test('44-pixel targets, help above what was tapped, no pointer left behind, a fling that slows to a stop', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2, hasTouch: true, isMobile: true });
    await openApp(page, server.url);
    let s = await state(page);
    assert.equal(s.touch, true, 'the page\'s pointer is coarse');
    for (const name of ['new_household', 'examples', 'language_switch', 'head'])
      assert.ok(s.anchors[name].h >= 44, `${name} is ${s.anchors[name].h} px high`);

    // A tap on the head row's label shows its help above the row, not over the field; the pointer then leaves.
    const head = s.anchors.head;
    await page.touchscreen.tap(20, head.y + head.h / 2);
    await frames(page, 6);
    s = await state(page);
    assert.ok(s.tooltip, 'the help is shown');
    assert.ok(s.tooltip.y + s.tooltip.h <= s.anchors.head.y + 1, `above the row: ${JSON.stringify(s.tooltip)}`);
    assert.ok(s.pointer.x < 0 && s.pointer.y < 0, `the pointer left the screen: ${JSON.stringify(s.pointer)}`);
    await page.screenshot({ path: join(artifacts, 'touch-help.png') });
    // The next tap elsewhere takes it away.
    await page.touchscreen.tap(200, 820);
    await frames(page, 6);
    assert.equal((await state(page)).tooltip, null);

    // A fling: a quick drag up, then the finger lifts; the form goes on moving for a while, then stops.
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    const cdp = await context.newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent',
      { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 40, y }] });
    const form = async () => {
      const scroll = (await state(page)).scroll;
      return scroll[Object.keys(scroll).find((n) => n.includes('##single'))];
    };
    const start = Math.round((await state(page)).anchors.head.y + 10);
    await touch('touchStart', start);
    await frames(page, 2);
    // The moves as quickly as the page takes them, the finger lifting at once: a flick.
    for (let y = start - 40; y >= start - 200; y -= 40) await touch('touchMove', y);
    await frames(page, 1);
    await touch('touchEnd', start - 200);
    await frames(page, 1);
    const lifted = await form();
    await frames(page, 10);
    const later = await form();
    assert.ok(later > lifted + 5, `the form went on after the finger lifted: ${lifted} → ${later}`);
    await page.waitForTimeout(1500);
    const settled = await form();
    await frames(page, 5);
    assert.equal(await form(), settled, 'and stopped');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
