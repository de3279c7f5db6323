// The app shell offline: its own files are served from the cache first and refreshed in the background. The API is
// never cached (records, tokens and keys' secrets must come from the server each time).
const SHELL = 'medsign-app-2.1.0-2';
const FILES = ['./', 'index.html', 'app.css', 'manifest.json', 'icon.svg', 'vendor/jsQR.js', 'js/main.js', 'js/api.js',
  'js/store.js', 'js/i18n.js', 'js/qr.js', 'js/keys.js', 'js/der.js', 'js/pki.js', 'js/credential.js', 'js/eportal.js',
  'js/catalogue.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !url.pathname.includes('/app/')) {
    return;
  }
  event.respondWith(caches.open(SHELL).then(async (cache) => {
    const cached = await cache.match(event.request, {ignoreSearch: true});
    const fresh = fetch(event.request).then((response) => {
      if (response.ok) {
        cache.put(event.request, response.clone());
      }
      return response;
    }).catch((error) => cached || Promise.reject(error));
    return cached || fresh;
  }));
});
