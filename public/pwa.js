// Registers the service worker and runs the update flow with the Rust shell
// (src/pwa.rs): a waiting version is announced, never switched to silently.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var root = document.documentElement;

  function announce() {
    root.setAttribute("data-update-ready", "");
    window.dispatchEvent(new Event("vagval:update-ready"));
  }

  function watch(worker) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
    });
  }

  // Registered once the page has loaded and the app has started, so the worker's precache
  // finds the wasm and its glue in the HTTP cache instead of downloading them a second time
  // (sw.js takes content-hashed files from the cache). A start that never comes (a broken
  // build) still registers after 15 s.
  function whenStarted(go) {
    var done = false;
    function once() { if (!done) { done = true; go(); } }
    if (window.wasmBindings) return once();
    window.addEventListener("TrunkApplicationStarted", once);
    setTimeout(once, 15000);
  }

  window.addEventListener("load", function () { whenStarted(function () {
    navigator.serviceWorker.register("/sw.js").then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) announce();
      if (reg.installing) watch(reg.installing);
      reg.addEventListener("updatefound", function () {
        if (reg.installing) watch(reg.installing);
      });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") reg.update().catch(function () {});
      });
      window.addEventListener("vagval:apply-update", function () {
        var waiting = reg.waiting;
        if (!waiting) {
          location.reload();
          return;
        }
        var reloading = false;
        navigator.serviceWorker.addEventListener("controllerchange", function () {
          if (!reloading) {
            reloading = true;
            location.reload();
          }
        });
        waiting.postMessage({ type: "SKIP_WAITING" });
      });
    }, function (err) {
      root.setAttribute("data-sw-error", String(err && err.message));
    });
  }); });
})();
