// Service worker (written by scripts/post-build.mjs for one build). It caches exactly the files of
// this build, so after one visit the viewer opens, renders and searches with no network.
// Updates: pages are fetched network-first (a reader online always gets the newest index.html,
// which names the new hashed files); a new build changes this file, so the browser installs the
// new worker on the next visit or check. It then waits, and the old worker keeps serving the
// page that is open (and its old files, which a lazy import may still ask for), until the
// reader chooses "Reload" (static/sw-update.js posts "skip-waiting") or closes every tab of the
// page; on taking over, it replaces the old cache.
const CACHE = "interview-viewer-__VERSION__";
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES)),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("interview-viewer-") && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Network first; offline, the cached page (a ?q= or #fragment still applies in the page).
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        return (
          (await cache.match(request, { ignoreSearch: true })) ||
          (await cache.match("./index.html")) ||
          Response.error()
        );
      }),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
