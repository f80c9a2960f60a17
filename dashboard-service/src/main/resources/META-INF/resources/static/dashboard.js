// dashboard-service: the overview asks every few seconds whether report-service has applied new events (a stamp of
// the applied-event count, the latest event time and the lag) and, when it has, replaces the tiles in place.
(function () {
  'use strict';
  var status = document.getElementById('freshness');
  if (!status || !window.fetch) { return; }
  var stamp = status.getAttribute('data-stamp');
  var every = Math.max(1, parseInt(status.getAttribute('data-poll'), 10) || 15) * 1000;
  var busy = false;
  function check() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(status.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (r.status === 401) { window.location.reload(); throw new Error('logged out'); }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (f) {
        if (f.stamp === stamp) { return null; }
        return fetch(status.getAttribute('data-fragment'), { credentials: 'same-origin' })
          .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
          .then(function (html) {
            var doc = new DOMParser().parseFromString('<div id="x">' + html + '</div>', 'text/html');
            var tiles = document.getElementById('tiles');
            var fresh = doc.getElementById('x');
            tiles.replaceChildren.apply(tiles, Array.prototype.slice.call(fresh.childNodes));
            stamp = f.stamp;
            status.textContent = f.text + ' Đã cập nhật số liệu mới.';
            status.classList.add('updated');
          });
      })
      .catch(function () { /* keep the page as it is; the next check tries again */ })
      .then(function () { busy = false; });
  }
  setInterval(check, every);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { check(); } });
}());
