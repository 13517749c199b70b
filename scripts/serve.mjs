// A static file server for the built web app, on 127.0.0.1 only. Used by scripts/run and the browser tests.
//   node scripts/serve.mjs [DIR] [PORT]   (defaults: build/web, 8080)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css; charset=utf-8',
};

// Serves `root` on 127.0.0.1:`port` (0: any free port). `requests` lists every path asked for.
export async function serve(root, port = 0) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] || 'build/web');
  const { url } = await serve(root, Number(process.argv[3] || 8080));
  console.log(`Zengshou is served at ${url}  (Ctrl+C stops it)`);
}
