// The service worker: keeps every file of one build in a cache of its own, so after one visit the app opens with
// the network off. A new build (a new sw.js, since the build id below changes) caches its files beside the old
// ones, checks each against the hash the build wrote here, and only then takes over and drops the old cache: the
// page never gets files of two builds. Saved work lives in IndexedDB, which this never touches.
'use strict';
const BUILD = '@BUILD@';
const FILES = @FILES@;  // { path: sha-256 }, written by scripts/stamp_web.cmake
const CACHE = 'zengshou-' + BUILD;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Revalidated, not taken from the HTTP cache unchecked: an unchanged file costs a 304.
    await cache.addAll(Object.keys(FILES).map((path) => new Request(path, { cache: 'no-cache' })));
    for (const [path, sha256] of Object.entries(FILES)) {
      const body = await (await cache.match(path)).arrayBuffer();
      if (hex(await crypto.subtle.digest('SHA-256', body)) !== sha256) {
        await caches.delete(CACHE);
        throw new Error(`${path} is not the file of build ${BUILD}`);  // a release half-uploaded: try again later
      }
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('zengshou-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  const path = event.request.mode === 'navigate' ? 'index.html' : url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (!(path in FILES)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(path)).then((hit) => hit || fetch(event.request)));
});
