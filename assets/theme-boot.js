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
