// 一户一策 always answers below a line (issue 20, 3). The household the issue found: two adults working in the county
// all year at 499 a month, Changning 2022, 5988 a person, 312 below the 6300 monitoring line. It used to be told
// "暂时没有可以增加收入的建议" and its 明白卡 printed "1. 无". Now both say what closes the gap (624 a year), with the
// line's source, and the numbers are the CLI's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

const household = {
  schema: 'zengshou.household/1', id: 'P312', head: '杨平', policy: 'yunnan/changning', year: 2022, category: 'general',
  members: [
    { name: '杨平', birth_year: 1980, labor: 'full', jobs: [{ kind: 'local', months: 12, monthly_wage: 499 }] },
    { name: '李芳', birth_year: 1982, labor: 'full', jobs: [{ kind: 'local', months: 12, monthly_wage: 499 }] },
  ],
};

describe('一户一策 below a line', () => {
  test('a household 312 yuan below the 6300 line gets a plan, on screen and on its 明白卡, as the CLI has it', async () => {
    const file = join(artifacts, 'plan-312.json');
    writeFileSync(file, JSON.stringify(household));
    const native = JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', file], { encoding: 'utf8' }));
    assert.deepEqual(native.suggestions.map((s) => [s.kind, s.adds, s.closes_gap]), [['close_gap', 624, true]]);

    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'open_file');
    await (await chooser).setFiles({ name: 'p312.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(household)) });
    await frames(page, 5);
    let s = await state(page);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.per_capita_net, '5988.00');
    assert.deepEqual(s.suggestions.map((x) => [x.kind, x.adds, x.closes_gap]), [['close_gap', '624.00', true]]);
    assert.equal(s.suggestions[0].step, native.suggestions[0].step);
    assert.match(s.suggestions[0].step, /再增加624元\(每人312元\)就能达到6300元的线/);

    // Shown in the programmes view with where the line comes from.
    await clickAnchor(page, 'tab_programmes');
    s = await state(page);
    assert.ok(s.anchors.suggestion_0, 'the plan is drawn');
    assert.ok(s.anchors.suggestion_source_0, 'with its source');
    await page.screenshot({ path: join(artifacts, 'plan-below-line.png') });

    const popup = context.waitForEvent('page');
    await clickAnchor(page, 'tab_household');
    await clickAnchor(page, 'card_print');
    const card = await popup;
    await card.waitForLoadState();
    const text = await card.evaluate(() => document.body.innerText);
    assert.match(text, /再增加624元/);
    assert.doesNotMatch(text, /1\. 无|^无$/m);
    assert.match(text, /中央农村工作领导小组关于健全防止返贫动态监测和帮扶机制的指导意见/);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
