// Steady's service worker, written by `cargo xtask post-build` for one build.
// It precaches every file of that build, so the app works offline after the
// first visit. It never sends anything anywhere: it only answers requests the
// app itself makes for its own files.
const CACHE = "steady-__VERSION__";
const FILES = [
  __FILES__
];

self.addEventListener("install", (event) => {
  // A new version waits until the person chooses to reload (the app shows
  // "Update available"), so nothing they are typing is lost.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("steady-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Network first, so a new release is seen when online; the cached app
    // shell otherwise (it routes any deep link itself).
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match("./"))),
    );
    return;
  }
  // Hashed assets never change under one name: the cache is enough.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
