// Storage faults (issue 7): when IndexedDB cannot be opened (some private windows) or is over quota, the app says so
// in a banner, keeps working in memory, and the workspace export still gives the user's work; once storing works
// again, the banner goes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clickAnchor, frames, launch, openApp, openPage, saved, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Exports the workspace from the banner's button and reads the downloaded file.
async function exportFromBanner(page) {
  const download = page.waitForEvent('download');
  await clickAnchor(page, 'storage_export');
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}

describe('storage faults', () => {
  test('IndexedDB unavailable: a banner, the calculator works in memory, the export has the work', async () => {
    const { page, context, problems } = await openPage(browser,
      { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
    });
    await openApp(page, server.url);
    await page.waitForFunction(() => window.zengshou.state().storage_problem === 'unavailable');
    let s = await state(page);
    assert.ok(s.anchors.storage_banner && s.anchors.storage_export, 'the banner and its export button are shown');
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await typeInto(page, 'head', '只在内存');
    s = await state(page);
    assert.equal(s.household.head, '只在内存');
    assert.notEqual(s.per_capita_net, '0.00', 'the calculator still calculates');
    const exported = await exportFromBanner(page);
    assert.equal(exported.schema, 'zengshou.workspace/1');
    assert.equal(exported.current.head, '只在内存');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('over quota: a banner while storing fails, the export has the work, the banner goes when it works again',
    async () => {
      const { page, context, problems } = await openPage(browser,
        { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await context.addInitScript(() => {
        window.storageFull = false;
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (...args) {
          if (window.storageFull) throw new DOMException('quota exceeded', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      await openApp(page, server.url);
      assert.equal((await state(page)).storage_problem, null, 'storage works: no banner');
      await page.evaluate(() => { window.storageFull = true; });
      await clickAnchor(page, 'examples');
      await clickAnchor(page, 'example_ceheng-dibao');
      await typeInto(page, 'head', '存不下');
      await page.waitForFunction(() => window.zengshou.state().storage_problem === 'full');
      assert.equal((await state(page)).household.head, '存不下');
      const exported = await exportFromBanner(page);
      assert.equal(exported.current.head, '存不下');

      await page.evaluate(() => { window.storageFull = false; });
      await typeInto(page, 'head', '又能存了');
      await page.waitForFunction(() => window.zengshou.state().storage_problem === null);
      assert.equal((await state(page)).anchors.storage_banner, undefined, 'the banner is gone');
      await saved(page);
      await page.reload();
      await openApp(page, server.url);
      assert.equal((await state(page)).household.head, '又能存了', 'stored once storage worked again');
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
});

describe('the last change before the tab closes', () => {
  test('survives a reload even when IndexedDB could not store it', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.diskStuck) throw new DOMException('the write did not finish', 'AbortError');
        return put.apply(this, args);
      };
    });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await typeInto(page, 'head', '已存入');
    await saved(page);
    await page.evaluate(() => { window.diskStuck = true; });  // from here on, IndexedDB keeps nothing
    await typeInto(page, 'head', '关页前一改');
    await page.reload();
    await openApp(page, server.url);
    assert.equal((await state(page)).household.head, '关页前一改');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
