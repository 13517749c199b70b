// The projector (issue 20, 7): presenter mode is large text in every view, readable from the back of a room (≥ 28
// CSS pixels at 1920 × 1080), with the scenarios as a tab of their own; the village's slider and histogram are in
// one screen; each scenario opens at its top; its title says the value in force after a slider moved it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const presenterScroll = async (page) => {
  const scroll = (await state(page)).scroll;
  return scroll[Object.keys(scroll).find((n) => n.includes('##presenter_scroll'))];
};

describe('the presenter on a projector', () => {
  test('28-pixel text in every view, slider and histogram together, scenarios at their top with the value in force',
    async () => {
      const { page, context, problems } = await openPage(browser, { viewport: { width: 1920, height: 1080 } });
      await openApp(page, server.url);
      await clickAnchor(page, 'menu_presenter');
      await frames(page, 3);
      let s = await state(page);
      assert.equal(s.view, 'tab_presenter');
      assert.equal(s.presenter.scenario, 0);
      assert.ok(18 * s.font_scale >= 28, `text ${18 * s.font_scale} px`);

      // Every view in large type: the calculator, then the village with a slider and the histogram on one screen.
      await clickAnchor(page, 'tab_household');
      s = await state(page);
      assert.equal(s.view, 'tab_household');
      assert.ok(18 * s.font_scale >= 28);
      assert.ok(s.anchors.head.h >= 28, `a field ${s.anchors.head.h} px high`);
      await clickAnchor(page, 'tab_village');
      await clickAnchor(page, 'params_public_welfare_post');
      s = await state(page);
      const slider = s.anchors['param_public_welfare_post.monthly_slider'];
      const chart = s.anchors.chart_histogram;
      assert.ok(slider && chart, 'both drawn');
      for (const [name, a] of [['slider', slider], ['histogram', chart]])
        assert.ok(a.y >= 0 && a.y + a.h <= 1080 && a.x + a.w <= 1920, `${name} in view: ${JSON.stringify(a)}`);
      await page.screenshot({ path: join(artifacts, 'presenter-village.png') });

      // The value typed in (as a slider would set it) is the one the scenario's title says.
      await typeInto(page, 'param_public_welfare_post.monthly', '3527');
      await clickAnchor(page, 'tab_presenter');
      s = await state(page);
      assert.match(s.presenter.title, /公益性岗位补贴 800 → 1000 元\/月\(公益性岗位补贴最低标准 800 元\/月 → 3527 元\/月\)/);

      // Scrolled down, the next scenario opens at its top.
      await page.mouse.move(900, 700);
      await page.mouse.wheel(0, 600);
      await frames(page, 4);
      assert.ok(await presenterScroll(page) > 0, 'scrolled');
      await clickAnchor(page, 'presenter_next');
      await frames(page, 3);
      assert.equal(await presenterScroll(page), 0);
      assert.equal((await state(page)).presenter.scenario, 1);
      await page.screenshot({ path: join(artifacts, 'presenter-1920.png') });
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
      await context.close();
    });
});
