// Applies the remembered colour theme before the first paint, so a reader who
// chose dark never sees a flash of light while the wasm loads. Read-only: the
// Rust `store` module owns this key and its format ({"v":1,"data":"dark"}).
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem("steady.theme"));
    if (saved && (saved.data === "dark" || saved.data === "light")) {
      document.documentElement.setAttribute("data-theme", saved.data);
    }
  } catch (e) {
    // No storage or an unreadable value: follow the device.
  }
})();

// The static shell's skip link says "#main", which <base> would resolve to
// the home page; point it at this page's own main before anyone can use it.
document.addEventListener("DOMContentLoaded", function () {
  var skip = document.querySelector(".skip-link");
  if (skip) skip.setAttribute("href", location.pathname + location.search + "#main");
});

// While the app loads, <html data-app="loading"> lets the static page say its
// buttons do not work yet (`AppWait` in src/views/frame.rs). If the app has
// not started after six seconds, or a script or the wasm failed to load, it
// becomes "stalled" and the page points to what works without the app. The
// app removes the attribute when it starts, so a later error changes nothing.
(function () {
  var root = document.documentElement;
  root.setAttribute("data-app", "loading");
  function stalled() {
    if (root.hasAttribute("data-app")) root.setAttribute("data-app", "stalled");
  }
  setTimeout(stalled, 6000);
  window.addEventListener(
    "error",
    function (e) {
      var tag = e.target && e.target.tagName;
      // A script's error, or a script or preload (the wasm) that did not load.
      if (e instanceof ErrorEvent || tag === "SCRIPT" || tag === "LINK") stalled();
    },
    true,
  );
  window.addEventListener("unhandledrejection", stalled);
})();

// Breathing's plain page times its guide in CSS (breath.css). When its
// cycle begins, <html data-breath-from> keeps the moment, so the app,
// arriving mid-breath, carries the session on at the same point. The words
// run even with reduced motion, when the circle is hidden.
document.addEventListener(
  "animationstart",
  function (e) {
    if (e.animationName === "plain-phase-in") {
      document.documentElement.setAttribute("data-breath-from", String(Date.now()));
    }
  },
  true,
);
