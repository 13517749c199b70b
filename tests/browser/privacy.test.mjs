// Privacy and security (issue 7): a whole session — a household typed in, every view, a policy change, a village, a
// roster imported, a share link, the 明白卡, a workspace export — under the page's Content-Security-Policy, with
// nothing refused, no request beyond 127.0.0.1, only the app's own files asked for, and the household only ever in
// a URL fragment.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickAnchor, frames, launch, openApp, openPage, repoRoot, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
// Everything the page may ask the server for: its own files, the service worker and what it caches.
const appFiles = ['/', '/index.html', '/zengshou-store.js', '/zengshou-loader.js', '/zengshou.js', '/zengshou.wasm', '/zengshou-ui-font.ttf',
  '/zengshou-font.ttf', '/sw.js', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png',
  '/zengshou-files.js', '/zengshou-files.wasm'];  // the workbook module, which the service worker keeps for offline

describe('privacy and security', () => {
  test('the page forbids eval and foreign sources, in the meta policy every static host serves', () => {
    const html = readFileSync(join(repoRoot, 'web/index.html'), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);  // no 'unsafe-eval', no host
    assert.match(policy, /connect-src 'self';/);
    assert.doesNotMatch(policy, /https?:|\*/);
  });

  test('a whole session sends nothing beyond 127.0.0.1, asks only for the app files, breaks no CSP rule', async () => {
    const { page, context, problems } = await openPage(browser,
      { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const urls = [];
    context.on('request', (r) => urls.push(r.url()));
    await openApp(page, server.url);
    assert.ok(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null));

    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await typeInto(page, 'head', '隐私测试户');
    for (const tab of ['tab_programmes', 'tab_projection', 'tab_policy', 'tab_village', 'tab_household'])
      await clickAnchor(page, tab);
    await clickAnchor(page, 'tab_policy');
    await clickAnchor(page, 'params_public_welfare_post');
    await clickAnchor(page, 'tab_roster');
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'roster_import');
    await (await chooser).setFiles(join(repoRoot, 'tests/bad-input/ok-csv-bom.csv'));
    await page.waitForFunction(() => window.zengshou.state().roster.households === 1);
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'workspace_export');
    assert.match(await (await download).path(), /./);
    await clickAnchor(page, 'tab_household');
    const popup = context.waitForEvent('page');
    await clickAnchor(page, 'card_print');
    const card = await popup;
    await card.waitForLoadState();
    assert.match(await card.evaluate(() => document.body.innerText), /隐私测试户/);
    await clickAnchor(page, 'share_link');
    await page.waitForFunction(() => window.zengshou.state().share_link !== '');
    const link = (await state(page)).share_link;
    await frames(page, 5);

    assert.deepEqual(problems.foreignRequests, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(await card.evaluate(() => window.cspViolations), [], 'the card page keeps to the policy too');
    // The service worker is registered under its build id (sw.js?build=…), the one query the app ever sends.
    const asked = [...new Set(server.requests.map((path) => path.replace(/^\/sw\.js\?build=[0-9a-z-]+$/, '/sw.js')))];
    assert.deepEqual(asked.filter((path) => !appFiles.includes(path)), [], 'only the app files, no other queries');
    // The household is in no address the browser loaded, except in a fragment, which never reaches a server.
    for (const url of urls) {
      const sent = decodeURIComponent(url.split('#')[0]);
      assert.ok(!sent.includes('隐私测试户') && !sent.includes('share='), url);
      assert.ok(/^(http:\/\/127\.0\.0\.1:\d+\/|blob:http:\/\/127\.0\.0\.1:\d+\/)/.test(url), url);
    }
    assert.equal(link.split('#')[0], server.url, 'the link is the app address, with the household after #');
    assert.match(link.split('#')[1], /^share=[A-Za-z0-9_-]+$/);
    await context.close();
  });
});
