// Service worker of the web UI (the /scan handheld page above all): keeps the app shell available offline, so a
// reload of /scan without network still starts the page (its data lives in IndexedDB; reports queue there).
// - Install: caches the shell (index.html) and the built JS/CSS it references, plus the manifest and icons.
// - Navigations: network first (every route serves index.html), the cached shell when offline.
// - Hashed build assets (/assets/…): cache first, cached on first fetch (lazy chunks included).
// - Other same-origin static files: network first with the cache as fallback.
// - The page posts the assets it loaded before this worker controlled it ({type: 'cache-urls'}).
// - The API (/api/…) and the API docs are never cached here.
const CACHE = 'inventur-shell-v2';
const STATIC = ['/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png'];

function assetsOf(html) {
  const urls = new Set();
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) urls.add(m[1]);
  return [...urls];
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/', { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/', res);
  await Promise.all([...assetsOf(html), ...STATIC].map((u) => cache.add(u).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    cacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        data.urls.map(async (u) => {
          const url = new URL(u, self.location.origin);
          if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) return;
          if (await cache.match(url.pathname)) return;
          await cache.add(url.pathname).catch(() => undefined);
        }),
      ),
    ),
  );
});

function put(req, res) {
  if (res.ok && res.type === 'basic') {
    const copy = res.clone();
    caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs') || url.pathname === '/sw.js') return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => put('/', res))
        .catch(() => caches.match('/').then((r) => r || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(url.pathname).then((hit) => hit || fetch(req).then((res) => put(url.pathname, res))),
    );
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => put(url.pathname, res))
      .catch(() => caches.match(url.pathname).then((r) => r || Response.error())),
  );
});
