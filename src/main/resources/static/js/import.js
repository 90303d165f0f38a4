// While an import runs, its page asks for its progress every half second and reloads once it has finished.
(function () {
  const card = document.getElementById('import');
  if (!card || card.dataset.running !== 'true') { return; }
  const status = document.getElementById('import-status');
  function poll() {
    fetch(card.dataset.statusUrl, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (i) {
        if (i.status === 'RUNNING') {
          status.textContent = 'Running: ' + i.rowsDone + ' rows so far…';
          setTimeout(poll, 500);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
