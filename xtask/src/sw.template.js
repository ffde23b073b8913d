// Steady's service worker, written by `cargo xtask post-build` for one build.
// It precaches every file of that build, so the app works offline after the
// first visit. It never sends anything anywhere: it only answers requests the
// app itself makes for its own files.
//
// Every page of this origin can write to CacheStorage (on GitHub Pages that
// is every site of the account), so the cache is never trusted: each file's
// SHA-256 is written below at build time, and a cached copy is served only if
// its bytes match. A changed or missing copy is fetched again, checked, and
// replaces the cached one; offline, a changed copy is refused.
const VERSION = "__VERSION__";
const FILES = {
  __FILES__
};
// The copy's scope is in the cache name, so two copies of Steady on one
// origin (at /steady/ and /steady-b/) keep and clean only their own caches.
const PREFIX = `steady ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const EXPECTED = new Map(Object.entries(FILES).map(([path, hash]) => [new URL(path, self.location).href, hash]));
const INDEX = new URL("./", self.location).href;

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// A response made of exactly the bytes that were checked, or null. Only the
// content type is kept (the wasm must be application/wasm to stream).
async function checked(response, hash) {
  if (!response || !response.ok) return null;
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== hash) return null;
  const type = response.headers.get("content-type");
  return new Response(body, { headers: type ? { "content-type": type } : {} });
}

// The file from the network, checked and put in this copy's cache; null
// offline or when the network has other bytes. "no-cache" first, then
// "reload", so an HTTP-cached copy of an older release is never taken.
async function fromNetwork(url, hash) {
  for (const mode of ["no-cache", "reload"]) {
    let response;
    try {
      response = await fetch(url, { cache: mode });
    } catch {
      return null;
    }
    const good = await checked(response, hash);
    if (good) {
      const cache = await caches.open(CACHE);
      await cache.put(url, good.clone());
      return good;
    }
  }
  return null;
}

// This release's bytes of `url`: the cached copy if it is intact, otherwise
// a fresh, checked one from the network.
async function verified(url, hash) {
  const cache = await caches.open(CACHE);
  return (await checked(await cache.match(url), hash)) ?? (await fromNetwork(url, hash));
}

// Checks every file of the cache and refetches any that is missing or changed.
async function repair() {
  const results = await Promise.all([...EXPECTED].map(([url, hash]) => verified(url, hash)));
  return results.every(Boolean);
}

self.addEventListener("install", (event) => {
  // A new version waits until the person chooses to reload (the app shows
  // "Update available"), so nothing they are typing is lost. It installs
  // only if every file matched: a deploy still under way fails the install
  // and the working version stays.
  event.waitUntil(
    repair().then((complete) => {
      if (!complete) throw new Error("the files on the server are not this release's");
    }),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => repair())
      .catch(() => {})
      .then(() => self.clients.claim()),
  );
});

// The page shown offline when the cached copy was changed by someone else.
// Our own words; the crisis lines are the ones of index.html's <noscript>.
const REFUSED = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Steady could not start offline</title>
<h1>Steady could not start offline</h1>
<p>The copy of Steady that this browser keeps for offline use was changed by something other than Steady, so it was not started. Your saved data was not touched by this check.</p>
<p>Connect to the internet and reload: Steady will fetch a fresh copy of its own files.</p>
<p>If you are in crisis: in the US or Canada call or text 988; in the UK or Ireland call Samaritans on 116 123; in an emergency call 911, 999 or 112.</p>
</html>`;

async function navigate(request) {
  try {
    // Network first, so a new release is seen when online; revalidated, so
    // an HTTP-cached page of an older release never meets this release's
    // cache. Redirects go back to the browser as they are.
    return await fetch(request.url, { cache: "no-cache", redirect: "manual", credentials: "same-origin" });
  } catch {
    // Offline: the cached app shell, which routes any deep link itself.
    const shell = await verified(INDEX, EXPECTED.get(INDEX));
    return (
      shell ??
      new Response(REFUSED, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } })
    );
  }
}

// A worker is started afresh after being idle: the first request it sees,
// and every page load, checks the whole cache again (a few milliseconds of
// hashing), so a copy changed meanwhile is repaired while online.
let checkedOnStart = false;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!checkedOnStart || request.mode === "navigate") {
    checkedOnStart = true;
    event.waitUntil(repair().catch(() => {}));
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  url.hash = "";
  const hash = url.search ? undefined : EXPECTED.get(url.href);
  // Not a file of this release (a newer release's asset just after a
  // deploy, say): the network, as without a worker.
  if (!hash) return;
  event.respondWith(verified(url.href, hash).then((good) => good ?? fetch(request)));
});

// A tap on a timer's notification (src/alerts.rs shows it through this
// worker's registration, as Chrome on Android requires) brings back the tab
// of this copy that showed it, or opens the app if that tab is gone.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((tabs) => {
      const ours = tabs.find((tab) => tab.url.startsWith(self.registration.scope));
      return ours ? ours.focus() : self.clients.openWindow(self.registration.scope);
    }),
  );
});
