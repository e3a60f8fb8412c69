// Service worker: after one visit the portal works with the network off. Every file its page needs is cached
// under a name that carries the build's fingerprint; a new deployment ships a different worker, which caches
// the new files side by side and, once active, deletes the old cache. A page keeps the files it started with
// (it has downloaded them all before it runs), so old and new versions never mix. scripts/finish_dist.py makes
// one worker per page from this template: sw.js for the visitor's index.html, kiosk-sw.js for the booth's
// kiosk.html, each with its own file list and its own cache names (neither deletes the other's cache).
'use strict';

const BUILD = '__PORTAL_BUILD__';           // filled in by scripts/finish_dist.py
const FILES = __PORTAL_FILES__;             // every file the page needs, relative to this script
const PAGE = '__PORTAL_PAGE__';             // the page itself: what a navigation gets when the network is off
const PREFIX = '__PORTAL_CACHE_PREFIX__';   // 'shangyu-portal-' for the site, 'shangyu-portal-kiosk-' for the booth
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // A predecessor may sweep caches while this worker installs (see sweepOnNavigation); if it took this
    // worker's cache, fill it again, so the worker never takes over without a complete offline copy.
    do {
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })));
    } while (!(await caches.has(CACHE)));
    await self.skipWaiting();
  })());
});

// Only this worker's own old caches: the other page's cache names carry another prefix (and a build fingerprint
// never starts with "kiosk-"), so the booth's and the site's caches live side by side.
function stale(name) {
  return name.startsWith(PREFIX) && /^[0-9a-f]+$/.test(name.slice(PREFIX.length)) && name !== CACHE;
}

async function dropStaleCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter(stale).map((name) => caches.delete(name)));
}

// A worker that was still finishing its predecessor's requests can leave that worker's cache behind, so page loads
// sweep again and a stale copy never outlives the next visit. Only the registration's settled worker sweeps: while
// a successor installs or waits, its cache is one of the "other" caches, and an old worker serving a navigation
// would delete it half-filled. (Browsers without self.serviceWorker never count as settled: activation still sweeps.)
function settled() {
  const registration = self.registration;
  return registration.active === self.serviceWorker && !registration.installing && !registration.waiting;
}

async function sweepOnNavigation() {
  if (!settled()) return;
  const names = await caches.keys();
  for (const name of names.filter(stale)) {
    if (!settled()) return;   // a successor started installing while this sweep ran
    await caches.delete(name);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await dropStaleCaches();
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.waitUntil(sweepOnNavigation());
  event.respondWith((async () => {
    // caches.match with a cache name never creates the cache (caches.open would): a worker still finishing a
    // fetch after its successor deleted its cache must not bring that cache back.
    // The page is the same whatever its query (?lang=, ?as_of=) or fragment.
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    try {
      return await fetch(request);
    } catch (err) {
      if (request.mode === 'navigate') {
        const page = await caches.match(PAGE, { cacheName: CACHE, ignoreSearch: true });
        if (page) return page;
      }
      throw err;
    }
  })());
});
