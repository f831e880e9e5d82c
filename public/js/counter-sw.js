/*
 * 창구 접수 service worker (scope /centre/). Keeps the counter screen and its reference data usable
 * when the server cannot be reached: the screen and the reference data network-first (fresh when
 * online, from the cache when not), static assets cache-first. It never touches form submissions:
 * those live in IndexedDB and are sent by counter.js.
 */
const CACHE = 'ilteo-counter-v1';
const PAGE = '/centre/counter';
const REFERENCE = '/centre/counter/reference.json';

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(PAGE, { credentials: 'same-origin' });
  if (!page.ok || page.redirected) return;
  await cache.put(PAGE, page.clone());
  const text = await page.text();
  const assets = [...text.matchAll(/(?:href|src)="(\/(?:static|krds|fonts)\/[^"]+)"/g)].map((m) =>
    m[1].replaceAll('&amp;', '&'),
  );
  await Promise.all(
    [...new Set(assets)].map((url) =>
      fetch(url)
        .then((r) => (r.ok ? cache.put(url, r) : undefined))
        .catch(() => undefined),
    ),
  );
  const reference = await fetch(REFERENCE, { credentials: 'same-origin' }).catch(() => null);
  if (reference?.ok) await cache.put(REFERENCE, reference);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw new Error('offline and not cached');
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url.replace(self.location.origin, ''));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url.replace(self.location.origin, ''), response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === PAGE) event.respondWith(networkFirst(event.request, PAGE));
  else if (url.pathname === REFERENCE) event.respondWith(networkFirst(event.request, REFERENCE));
  else if (/^\/(static|krds|fonts)\//.test(url.pathname)) event.respondWith(cacheFirst(event.request));
});
