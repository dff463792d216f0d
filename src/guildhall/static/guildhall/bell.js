// Asks the bell (#bell, hx-trigger="bell-refresh from:body") to refresh every data-poll-seconds
// while the tab is visible, and at once when it becomes visible again. Plain events rather than
// htmx trigger filters ("[document.visibilityState ...]"): those are evaluated with eval, which
// the Content-Security-Policy forbids.
(function () {
  "use strict";
  function refresh() {
    if (document.visibilityState === "visible" && document.getElementById("bell")) {
      document.body.dispatchEvent(new Event("bell-refresh"));
    }
  }
  function start() {
    var bell = document.getElementById("bell");
    var seconds = bell ? Number(bell.dataset.pollSeconds) : 0;
    if (!seconds) return;
    window.setInterval(refresh, seconds * 1000);
    document.addEventListener("visibilitychange", refresh);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
