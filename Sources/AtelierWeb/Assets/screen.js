// atelier: the projector page's extras, beside app.js (which follows the
// room): F or a double click toggles full screen, and the screen is kept
// awake while the page is shown. No words of its own.
"use strict";
(function () {
  function toggle() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
  }
  document.addEventListener("keydown", function (event) {
    if ((event.key === "f" || event.key === "F") && !event.ctrlKey && !event.metaKey && !event.altKey) toggle();
  });
  document.addEventListener("dblclick", toggle);
  var lock = null;
  function awake() {
    if (!navigator.wakeLock || document.visibilityState !== "visible" || lock) return;
    navigator.wakeLock.request("screen").then(function (l) {
      lock = l;
      l.addEventListener("release", function () { lock = null; });
    }).catch(function () {});
  }
  document.addEventListener("visibilitychange", awake);
  awake();
})();
