// scripts/serve.mjs under bad requests (issue 14, item 10): a malformed URL gets 400, a path out of its folder is
// never served, an overlong URL gets 414, a POST 405 — and the server answers the next request after each. Every
// answer carries the page's Content-Security-Policy with frame-ancestors 'none', nosniff and no-referrer; the
// caching the offline tests rely on (ETag, 304, gzip) still holds. Raw HTTP requests, no browser, no build needed:
// the server serves a folder made here with a copy of web/index.html.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { maxUrlLength, serve } from '../../scripts/serve.mjs';
import { repoRoot } from './harness.mjs';

const page = readFileSync(join(repoRoot, 'web/index.html'), 'utf8');
const metaPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)[1];
const script = 'console.log("zengshou");\n'.repeat(50);

let dir, server, port;
before(async () => {
  // dir/secret.txt beside the served folder dir/site, which a path with .. must never reach.
  dir = mkdtempSync(join(tmpdir(), 'zengshou-serve-'));
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'secret.txt'), 'not for the web\n');
  writeFileSync(join(dir, 'site/index.html'), page);
  writeFileSync(join(dir, 'site/zengshou-loader.js'), script);
  server = await serve(join(dir, 'site'), 0);
  port = new URL(server.url).port;
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// One HTTP request with the path sent exactly as given; resolves to { status, headers, body }.
function get(path, { method = 'GET', headers = {} } = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

// Bytes written straight to the socket (what an HTTP client would not send); resolves to the status line.
function raw(text) {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.on('data', (d) => { reply += d; });
    socket.on('end', () => ok(reply.split('\r\n')[0]));
    socket.on('error', fail);
  });
}

// The server still serves the page, with its security headers.
async function stillUp() {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.body.toString(), page);
  checkSecurityHeaders(r.headers);
}

function checkSecurityHeaders(headers) {
  assert.equal(headers['content-security-policy'], `${metaPolicy}; frame-ancestors 'none'`);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
}

test('every answer carries the CSP of the page with frame-ancestors, nosniff and no-referrer', async () => {
  assert.match(metaPolicy, /default-src 'none'/);
  for (const path of ['/', '/index.html', '/zengshou-loader.js', '/missing.js', '/%E0%A4%A']) {
    checkSecurityHeaders((await get(path)).headers);
  }
  checkSecurityHeaders((await get('/', { method: 'POST' })).headers);
});

test('a malformed % escape gets 400 and the server stays up', async () => {
  for (const path of ['/%', '/%E0%A4%A', '/%zz', '/index.html%', '/a%ED%A0%80b', '/%00', '/index.html%00.js']) {
    assert.equal((await get(path)).status, 400, path);
    await stillUp();
  }
  assert.match(await raw('GET /%c0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1\.1 400 /);
  await stillUp();
});

test('a path out of the served folder is never served', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt', '/x/..%2f..%2fsecret.txt', '//../secret.txt', 'secret.txt', 'http://127.0.0.1/../secret.txt']) {
    const r = await get(path);
    assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
    assert.ok(!r.body.toString().includes('not for the web'), path);
    await stillUp();
  }
});

test('an overlong URL gets 414, a far too long one 431, and the server stays up', async () => {
  assert.equal((await get('/' + 'a'.repeat(maxUrlLength))).status, 414);
  await stillUp();
  assert.equal((await get('/?q=' + 'b'.repeat(64 * 1024))).status, 431);  // past node's 16 KB of headers
  await stillUp();
  assert.equal((await get('/index.html?v=' + 'c'.repeat(100))).status, 200);  // a query of sensible length is fine
});

test('methods other than GET and HEAD get 405 with Allow', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE']) {
    const r = await get('/index.html', { method });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD');
    await stillUp();
  }
  const head = await get('/index.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('caching and compression as before: ETag, 304 on a match, gzip when accepted', async () => {
  const plain = await get('/zengshou-loader.js');
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(plain.headers['cache-control'], 'no-cache');
  assert.equal(plain.body.toString(), script);
  const etag = plain.headers.etag;
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  const again = await get('/zengshou-loader.js', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  checkSecurityHeaders(again.headers);
  const zipped = await get('/zengshou-loader.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zipped.headers.etag, etag);
  assert.equal(gunzipSync(zipped.body).toString(), script);
  assert.ok(zipped.body.length < script.length);
});
