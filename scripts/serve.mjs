// A static file server for the built web app, on 127.0.0.1 only. Used by scripts/run and the browser tests. It
// does what a static host or CDN should: gzip for browsers that accept it, and ETags, so a browser (or the app's
// service worker) revalidating an unchanged file gets 304 Not Modified instead of the file again.
//   node scripts/serve.mjs [DIR] [PORT]   (defaults: build/web, 8080)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const compressible = new Set(['.html', '.js', '.wasm', '.ttf', '.json', '.css', '.webmanifest']);

// Serves `root` on 127.0.0.1:`port` (0: any free port). `requests` lists every path asked for, `bytesSent` counts
// the body bytes sent; `setRoot` serves another folder from then on (a new release, for the update test).
export async function serve(root, port = 0) {
  const requests = [];
  const gzipped = new Map();  // file → { etag, body }
  const state = { root, bytesSent: 0 };
  const server = createServer((req, res) => {
    requests.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(state.root, path === '/' ? 'index.html' : path);
    let body, stat;
    try {
      stat = statSync(file);
      body = readFileSync(file);
    } catch {
      res.writeHead(404);
      res.end();
      return;
    }
    const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
    const headers = { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
      'ETag': etag, 'Vary': 'Accept-Encoding' };
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
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url, requests,
    get bytesSent() { return state.bytesSent; },
    setRoot(dir) { state.root = dir; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] || 'build/web');
  const { url } = await serve(root, Number(process.argv[3] || 8080));
  console.log(`Zengshou is served at ${url}  (Ctrl+C stops it)`);
}
