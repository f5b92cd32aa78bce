// Vägval service worker. scripts/postbuild.mjs fills in VERSION and PRECACHE from the
// final build, so every build gets its own cache and a changed file is a new worker.
const VERSION = "__SW_VERSION__";
const PRECACHE = __SW_PRECACHE__;
const CACHE = "vagval-" + VERSION;

// A file whose name carries its content hash is the same bytes wherever it comes from, so it
// is taken from the HTTP cache when the page has just downloaded it (first load fetches each
// file once); any other file is revalidated with the server, so an update never stores a
// stale copy.
const HASHED = /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css)$/;
const precacheRequest = (url) => new Request(url, { cache: HASHED.test(url) ? "force-cache" : "no-cache" });

self.addEventListener("install", (event) => {
  // All or nothing: if one file fails, this version never activates and the old one stays.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(precacheRequest))),
  );
  // No skipWaiting here: an update waits until the user chooses "Ladda om".
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vagval-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every page of the app is the same index.html; the router picks the module.
    event.respondWith(
      caches.match("/index.html", { cacheName: CACHE }).then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});
