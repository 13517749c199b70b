// 本工具未计算 (issue 21, 2): the programmes view lists what the policy's document names and the tool does not
// compute — for Changning, 27 measures (31 before four became programmes), the household's first — each with why,
// and its source opens the document at the clause with the words marked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickAnchor, launch, openApp, openPage, repoRoot, scrollTo, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

describe('not computed', () => {
  test('the programmes view lists the 27 measures of Changning\'s document, and a source opens its clause', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    assert.equal((await state(page)).household.policy, 'yunnan/changning');
    await clickAnchor(page, 'tab_programmes');
    await scrollTo(page, 'not_computed', { x: 600, y: 500 });
    await clickAnchor(page, 'not_computed');
    let s = await state(page);
    const entries = Object.keys(s.anchors).filter((a) => /^not_computed_\d+$/.test(a));
    assert.equal(entries.length, 27);  // 31, less 小额信贷贴息, 种粮, 退耕还林 and 临时救助, now computed
    // The household's measures come before those for enterprises and villages, whatever the file's order.
    const file = JSON.parse(readFileSync(join(repoRoot, 'assets/policies/yunnan/changning.json'), 'utf8'));
    const aid = (a) => file.not_computed[Number(a.split('_').pop())].why === 'not_household_aid';
    const lastHousehold = Math.max(...entries.filter((a) => !aid(a)).map((a) => s.anchors[a].y));
    const firstAid = Math.min(...entries.filter(aid).map((a) => s.anchors[a].y));
    assert.equal(entries.filter(aid).length, 11);
    assert.ok(lastHousehold < firstAid, 'households\' measures first');
    const first = entries.sort((a, b) => s.anchors[a].y - s.anchors[b].y)[0];
    await scrollTo(page, first, { x: 600, y: 500 });
    await clickAnchor(page, first);
    s = await state(page);
    const source = `not_computed_source_${first.split('_').pop()}`;
    assert.ok(s.anchors[source], 'its source is shown');
    await page.screenshot({ path: join(artifacts, 'not-computed.png') });
    await clickAnchor(page, source);
    s = await state(page);
    assert.equal(s.document, 'changning-2022-zengshou-yaodian');
    assert.ok(s.anchors.document_quote, 'the quoted words are marked');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});
