// Field-ready (issue 8) in real headless Chromium: after one visit the app opens and calculates with the network
// off, and is installable; a new release replaces the cached one whole, with the saved work kept; on a slow network
// (1.6 Mbit/s, 300 ms) the page shows bytes loaded of total and reports its time to the first usable frame, and a
// repeat visit downloads next to nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickAnchor, frames, launch, openApp, openPage, saved, serve, typeInto, webRoot } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Waits until the service worker controls the page and has cached this build (it claims the page once it has).
async function cachedForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null && window.zengshou.fullFont === true,
    null, { timeout: 30000 });
}

// A copy of the built app, as another release would be: its build id changed in the loader and the service worker,
// and the service worker's hash of the loader made to match.
function releaseCopy(build) {
  const dir = mkdtempSync(join(tmpdir(), 'zengshou-release-'));
  cpSync(webRoot, dir, { recursive: true });
  if (build) {
    const loader = readFileSync(join(dir, 'zengshou-loader.js'), 'utf8').replace(/const BUILD = '[^']+'/,
      `const BUILD = '${build}'`);
    writeFileSync(join(dir, 'zengshou-loader.js'), loader);
    const hash = createHash('sha256').update(loader).digest('hex');
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8').replace(/const BUILD = '[^']+'/, `const BUILD = '${build}'`)
      .replace(/'zengshou-loader\.js': '[0-9a-f]+'/, `'zengshou-loader.js': '${hash}'`);
    writeFileSync(join(dir, 'sw.js'), sw);
  }
  return dir;
}

describe('offline, updates and slow networks', () => {
  test('after one visit the app opens and calculates with the network off, and is installable', async (t) => {
    const server = await serve();
    t.after(() => server.close());
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    const online = await state(page);
    await cachedForOffline(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's profiles are incognito ones, where nothing installs; nothing else stands in the way.
    assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), [],
      'Chromium can install it to the home screen');

    await context.setOffline(true);
    await page.reload();
    const { error } = await openApp(page, server.url);
    assert.equal(error, null);
    let s = await state(page);
    assert.equal(s.household.id, online.household.id, 'the stored workspace is back');
    assert.equal(s.per_capita_net, online.per_capita_net);
    await typeInto(page, 'm0_job_months', '6');  // a change recalculates, offline
    s = await state(page);
    assert.notEqual(s.per_capita_net, online.per_capita_net);
    await page.waitForFunction(() => window.zengshou.fullFont === true);  // the full font, from the cache
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a new release replaces the cached one whole at the next visit, and the saved work is kept', async (t) => {
    const releaseA = releaseCopy(null);
    const releaseB = releaseCopy('release-b');
    const server = await serve(releaseA);
    t.after(() => server.close());
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } },
      { route: false });
    await openApp(page, server.url);
    const buildA = await page.evaluate(() => window.zengshou.build);
    await cachedForOffline(page);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_ceheng-dibao');
    await typeInto(page, 'head', '更新前的户');
    await saved(page);

    server.setRoot(releaseB);
    await page.reload();  // opens from release A's cache, finds release B, which takes over and reloads the page
    await page.waitForFunction(() => window.zengshou?.build === 'release-b' && window.zengshou.ready, null,
      { timeout: 30000 });
    assert.notEqual(buildA, 'release-b');
    assert.equal((await state(page)).household.head, '更新前的户', 'the saved work is kept');
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, ['zengshou-release-b'], 'only the new release is cached');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
    rmSync(releaseA, { recursive: true });
    rmSync(releaseB, { recursive: true });
  });

  test('on 1.6 Mbit/s with 300 ms latency: progress in bytes, the first usable frame, and a light repeat visit',
    async (t) => {
      const server = await serve();
      t.after(() => server.close());
      const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true,
        deviceScaleFactor: 2, hasTouch: true }, { route: false });  // with the HTTP cache, as a phone has it
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions',
        { offline: false, latency: 300, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
      const progress = [];
      page.on('console', () => {});
      await page.goto(server.url);
      while (!(await page.evaluate(() => window.zengshou?.ready))) {
        progress.push(await page.evaluate(() => document.getElementById('status-text').textContent));
        await page.waitForTimeout(250);
      }
      const firstFrameMs = await page.evaluate(() => window.zengshou.firstFrameMs);
      // What crossed the network before the first frame: the page and every file finished by then.
      const firstVisitBytes = await page.evaluate(() => performance.getEntriesByType('navigation')[0].transferSize +
        performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.zengshou.firstFrameMs)
          .reduce((sum, e) => sum + e.transferSize, 0));
      assert.ok(progress.some((text) => /^正在加载… \d+\.\d \/ \d+\.\d MB$/.test(text)), progress.join(' | '));
      const shown = progress.filter((text) => text.includes('MB')).map((text) => Number(text.split(' ')[1]));
      assert.ok(shown.length >= 2 && shown.at(-1) > shown[0], `the loaded part grows: ${shown.join(', ')}`);

      await cachedForOffline(page);
      const afterInstall = server.bytesSent;
      await page.reload();
      await page.waitForFunction(() => window.zengshou?.ready, null, { timeout: 60000 });
      const repeatFrameMs = await page.evaluate(() => window.zengshou.firstFrameMs);
      await frames(page, 5);
      const repeatBytes = server.bytesSent - afterInstall;
      console.log(`# throttled (1.6 Mbit/s, 300 ms): first usable frame ${firstFrameMs.toFixed(0)} ms on the first ` +
        `visit, ${repeatFrameMs.toFixed(0)} ms on a repeat visit; bytes transferred ${firstVisitBytes} before the ` +
        `first frame, ${afterInstall} on the whole first visit (full font, offline cache), ${repeatBytes} on the ` +
        `repeat visit`);
      // The app, its UI font and the policy documents' texts (about 42 KB gzip, until they load with their view;
      // the county-policy editor and the monitoring decision took the app from 609 to 656 KB gzip, the workbook
      // import window and the Excel exports to 677 KB — the spreadsheet libraries themselves load only with the
      // first workbook — and the interface and Dear ImGui compiled for size (-Os) back to 600 KB: 755 KB in all
      // when measured; the phone's results page and QR encoder, and the 142 measures of 本工具未计算 with their
      // Chinese text in the policy files, added 40 KB gzip to the WebAssembly: 841 KB in all when measured).
      // Issue 19 is to bring this down (those lists could come with the programmes view, as the workbook module
      // comes with the first workbook).
      assert.ok(firstVisitBytes < 860000, `${firstVisitBytes} bytes before the first frame (gzip, UI font)`);
      assert.ok(repeatBytes < 20000, `${repeatBytes} bytes on a repeat visit: only the service worker's check`);
      await context.close();
    });
});
