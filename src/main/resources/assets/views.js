// Reports one read of this article to the server (beacon view counting, for sites behind a CDN or
// page cache). A page prerendered or opened in a background tab reports only once it is seen.
(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute('data-view-beacon');
  if (!url) {
    return;
  }
  var sent = false;
  function report() {
    if (sent || document.visibilityState !== 'visible') {
      return;
    }
    sent = true;
    document.removeEventListener('visibilitychange', report);
    if (navigator.sendBeacon && navigator.sendBeacon(url)) {
      return;
    }
    if (window.fetch) {
      fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' });
    }
  }
  document.addEventListener('visibilitychange', report);
  report();
})();
