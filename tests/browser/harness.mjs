// Shared pieces of the browser tests: the app served on 127.0.0.1 with every request recorded, Debian's
// Chromium launched headless through playwright-core, and a PNG decoder for pixel checks.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve as serveDirectory } from '../../scripts/serve.mjs';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const webRoot = process.env.ZENGSHOU_WEB_DIR || join(repoRoot, 'build/web');
export const artifacts = join(repoRoot, 'build/test-artifacts');
mkdirSync(artifacts, { recursive: true });

// The built app on an ephemeral port of 127.0.0.1; `requests` lists every path asked for.
export function serve(root = webRoot) {
  return serveDirectory(root, 0);
}

// Debian's Chromium, headless on SwiftShader, with no background traffic. playwright-core gives each launch a
// fresh temporary profile.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that records console errors, page errors and any request that would leave 127.0.0.1 (and blocks it).
// Every page of the context (the app's new tabs too) records what its Content-Security-Policy refused, in
// window.cspViolations. Playwright turns the HTTP cache off while it routes requests: tests of caching and
// revalidation pass `{ route: false }` and see foreign requests only as failures.
export async function openPage(browser, options = {}, { route = true } = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(`${m.text()} at ${JSON.stringify(m.location())}`);
  });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  if (route) {
    await context.route('**/*', (r) => {
      const url = new URL(r.request().url());
      if (url.hostname === '127.0.0.1') return r.continue();
      problems.foreignRequests.push(url.href);
      return r.abort();
    });
  }
  return { context, page, problems };
}

// Loads the app and waits until it says it drew its first frame.
export async function openApp(page, url, timeout = 30000) {
  await page.goto(url, { timeout });
  await page.waitForFunction(() => window.zengshou && (window.zengshou.ready || window.zengshou.error),
    null, { timeout });
  return page.evaluate(() => ({ error: window.zengshou.error, firstFrameMs: window.zengshou.firstFrameMs }));
}

// Waits for the app to draw `n` more frames, so a click or a resize has been seen and drawn.
export async function frames(page, n = 3) {
  const start = await page.evaluate(() => window.zengshou.state().frames);
  await page.waitForFunction((target) => window.zengshou.state().frames >= target, start + n);
}

// Waits until every change is in the database (nothing unsaved, no write under way).
export async function saved(page, timeout = 60000) {
  try {
    await page.waitForFunction(() => {
      const s = window.zengshou.state();
      return !s.storage.unsaved && !window.zengshouStore.writing;
    }, null, { timeout, polling: 250 });
  } catch (e) {
    const s = await page.evaluate(() => ({ storage: window.zengshou.state().storage,
      problem: window.zengshou.state().storage_problem, writes: window.zengshouStore.writes }));
    throw new Error(`not saved after ${timeout} ms: ${JSON.stringify(s)}`);
  }
}

// Reads back what the app has stored so far and has the app's own readers check every record: after every action
// of every browser test, the stored workspace must be one the next start can read (issue 14). Skipped for large
// rosters, whose tests reload and count instead.
export async function checkStored(page) {
  const problems = await page.evaluate(async () => {
    const store = window.zengshouStore;
    if (!store || !store.db || !window.zengshou.ready) return [];
    const count = await new Promise((resolve) => {
      const r = store.db.transaction('records', 'readonly').objectStore('records').count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(0);
    });
    if (count > 2000) return [];
    const found = [];
    for (const [key, , text] of await store.stored()) {
      if (key.startsWith('x/')) continue;  // set aside on purpose, listed in the app
      let problem = '';
      store.withText(key, (k) => store.withText(text, (t) => {
        problem = Module.UTF8ToString(Module._zengshou_check_record(k, t));
      }));
      if (problem) found.push(`${key}: ${problem}`);
    }
    return found;
  });
  if (problems.length) throw new Error('a stored record does not read back: ' + problems.join('; '));
}

// Clicks the centre of a widget the app reported as an anchor (CSS pixels).
export async function clickAnchor(page, name) {
  const a = (await page.evaluate(() => window.zengshou.state())).anchors[name];
  if (!a) throw new Error(`no anchor ${name}`);
  await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  await checkStored(page);
  return a;
}

// Scrolls the panel under (x, y) with the wheel until the anchor is wholly in the viewport, as a person would.
export async function scrollTo(page, name, { x = 100, y = 500 } = {}) {
  const height = page.viewportSize().height;
  for (let i = 0; i < 20; ++i) {
    const a = (await page.evaluate(() => window.zengshou.state())).anchors[name];
    if (a && a.y >= 0 && a.y + a.h <= height) return a;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, a && a.y < 0 ? -200 : 200);
    await frames(page, 3);
  }
  throw new Error(`${name} never came into view`);
}

// Presses a key as a person does, held over a few frames: a press and release between two frames is one the app
// (Dear ImGui 1.86, which reads whether a key is down each frame) may never see.
export async function pressKey(page, key) {
  await page.keyboard.down(key);
  await frames(page, 2);
  await page.keyboard.up(key);
  await frames(page, 3);
}

// Types into a text field as a person would: clicks it, waits for the page's overlay input of this new edit, puts
// the text in as an IME commits it, and ends the edit with Enter.
export async function typeInto(page, anchor, text) {
  const previous = await page.evaluate(() => document.getElementById('text-editor')?.dataset.generation ?? '0');
  await clickAnchor(page, anchor);
  await page.waitForFunction((old) => {
    const input = document.getElementById('text-editor');
    return input && input.style.display !== 'none' && input.dataset.generation !== old;
  }, previous);
  await page.fill('#text-editor', '');
  await page.keyboard.insertText(text);
  await frames(page, 2);
  await page.keyboard.press('Enter');
  await frames(page, 3);
  await checkStored(page);
}

// Decodes an 8-bit, non-interlaced PNG (what Chromium's screenshots are) into { width, height, channels, data }.
export function decodePng(buffer) {
  let offset = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const chunk = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      if (chunk[8] !== 8 || chunk[12] !== 0) throw new Error('only 8-bit non-interlaced PNG');
      colorType = chunk[9];
    } else if (type === 'IDAT') idat.push(chunk);
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (!channels) throw new Error(`PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? data[y * stride + x - channels] : 0;
      const up = y > 0 ? data[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += left;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      data[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, data };
}

// Pixel statistics of a rectangle (device pixels): distinct colours and the share of dark pixels (glyph ink).
export function regionStats(image, x0, y0, w, h) {
  const colours = new Set();
  let dark = 0, total = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, y0 + h); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, x0 + w); x++) {
      const i = (y * image.width + x) * image.channels;
      const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 3 * 110) dark++;
      total++;
    }
  }
  return { colours: colours.size, darkShare: total ? dark / total : 0 };
}
