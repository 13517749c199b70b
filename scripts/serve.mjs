// A static file server for the built web app, on 127.0.0.1 only. Used by scripts/run and the browser tests. It
// does what a static host or CDN should: gzip for browsers that accept it, and ETags, so a browser (or the app's
// service worker) revalidating an unchanged file gets 304 Not Modified instead of the file again. It answers only
// GET and HEAD for files under its folder (400 for a malformed or escaping path, 414 for an overlong URL, 405 for
// other methods) and never stops on a bad request; every answer carries the page's Content-Security-Policy (with
// frame-ancestors 'none', which a <meta> tag cannot carry), X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer.
//   node scripts/serve.mjs [DIR] [PORT]   (defaults: build/web, 8080)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const compressible = new Set(['.html', '.js', '.wasm', '.ttf', '.json', '.css', '.webmanifest']);

// The longest URL answered; a longer one gets 414. The app's own URLs are short (its share links travel in the
// fragment, which browsers never send).
export const maxUrlLength = 2048;

// The Content-Security-Policy the page carries in its <meta> tag (the served index.html's, else web/index.html's),
// as a header, with frame-ancestors 'none': no other site may frame the app.
const sourcePage = resolve(import.meta.dirname, '../web/index.html');
const policies = new Map();  // index.html:mtime → policy
function contentSecurityPolicy(root) {
  for (const page of [join(root, 'index.html'), sourcePage]) {
    let mtime;
    try {
      mtime = statSync(page).mtimeMs;
    } catch {
      continue;
    }
    const key = `${page}:${mtime}`;
    if (!policies.has(key)) {
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(readFileSync(page, 'utf8'));
      policies.set(key, meta ? `${meta[1].trim().replace(/;\s*$/, '')}; frame-ancestors 'none'` : null);
    }
    if (policies.get(key)) return policies.get(key);
  }
  return "default-src 'none'; frame-ancestors 'none'";
}

// The file under `root` that `url` names, or the status to answer instead.
function fileFor(root, url) {
  if (url.length > maxUrlLength) return { status: 414 };
  let path;
  try {
    // Only a path (and query) from the server's root: an absolute or scheme-relative form is refused.
    if (!url.startsWith('/') || url.startsWith('//')) return { status: 400 };
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return { status: 400 };  // a bad % escape, or not a URL at all
  }
  const parts = path.split(/[/\\]/);
  if (parts.includes('..') || path.includes('\0')) return { status: 400 };
  return { file: join(root, path === '/' ? 'index.html' : path) };
}

// Serves `root` on 127.0.0.1:`port` (0: any free port). `requests` lists every path asked for, `bytesSent` counts
// the body bytes sent; `setRoot` serves another folder from then on (a new release, for the update test).
export async function serve(root, port = 0) {
  const requests = [];
  const gzipped = new Map();  // file:mtime → its gzipped bytes
  const state = { root, bytesSent: 0 };
  // Compressed ahead, as a static host or CDN keeps them: the first visit waits on the network, not on gzip.
  const compressAhead = (dir) => {
    let names = [];
    try {
      names = readdirSync(dir, { recursive: true });
    } catch {
      return;  // no such folder yet: files are compressed as they are asked for
    }
    for (const name of names) {
      const file = join(dir, name);
      if (!compressible.has(extname(file))) continue;
      const stat = statSync(file);
      if (stat.isFile()) gzipped.set(`${file}:${stat.mtimeMs}`, gzipSync(readFileSync(file), { level: 9 }));
    }
  };
  compressAhead(root);
  const answer = (req, res) => {
    requests.push(req.url);
    const security = { 'Content-Security-Policy': contentSecurityPolicy(state.root),
      'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    const refuse = (status, extra = {}) => {
      res.writeHead(status, { ...security, 'Content-Length': 0, ...extra });
      res.end();
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, { 'Allow': 'GET, HEAD' });
    const { file, status } = fileFor(state.root, req.url);
    if (status) return refuse(status);
    let body, stat;
    try {
      stat = statSync(file);
      if (!stat.isFile()) return refuse(404);
      body = readFileSync(file);
    } catch {
      return refuse(404);
    }
    const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
    const headers = { ...security, 'Content-Type': types[extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache', 'ETag': etag, 'Vary': 'Accept-Encoding' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const key = `${file}:${stat.mtimeMs}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      body = gzipped.get(key);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    state.bytesSent += body.length;
  };
  const server = createServer((req, res) => {
    try {
      answer(req, res);
    } catch (e) {
      // Whatever goes wrong with one request, the server stays up for the next.
      console.error(`serve: ${req.method} ${req.url}: ${e}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Length': 0 });
      res.end();
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url, requests,
    get bytesSent() { return state.bytesSent; },
    setRoot(dir) {
      state.root = dir;
      compressAhead(dir);
    },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] || 'build/web');
  const { url } = await serve(root, Number(process.argv[3] || 8080));
  console.log(`Zengshou is served at ${url}  (Ctrl+C stops it)`);
}
