// Service worker: after one visit the portal works with the network off. Every file of the bundle is cached
// under a name that carries the build's fingerprint; a new deployment ships a different sw.js, which caches the
// new files side by side and, once active, deletes the old cache. A page keeps the files it started with (it
// has downloaded them all before it runs), so old and new versions never mix.
'use strict';

const BUILD = '__PORTAL_BUILD__';           // filled in by scripts/finish_dist.py
const FILES = __PORTAL_FILES__;             // every file of the bundle, relative to this script
const CACHE = 'shangyu-portal-' + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('shangyu-portal-') && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page is the same whatever its query (?lang=, ?kiosk) or fragment.
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    try {
      return await fetch(request);
    } catch (err) {
      if (request.mode === 'navigate') {
        const page = await cache.match('./', { ignoreSearch: true }) || await cache.match('index.html');
        if (page) return page;
      }
      throw err;
    }
  })());
});
