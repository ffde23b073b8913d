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
