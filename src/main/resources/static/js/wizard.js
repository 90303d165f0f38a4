// The wizard's review step: lists the selected items, their descriptions and proofs as the customer edits them.
(function () {
  const form = document.getElementById('wizard');
  const review = document.getElementById('review');
  if (!form || !review) { return; }
  function render() {
    const rows = [];
    form.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) {
      const item = box.closest('.item');
      const files = Array.from(item.querySelector('input[type=file]').files).map(function (f) { return f.name; });
      const fault = item.querySelector('textarea').value.trim();
      rows.push({ model: box.dataset.model + ' · ' + box.dataset.serial, fault: fault || '(no description yet)', files: files.length ? files.length + ' proof(s): ' + files.join(', ') : 'no proofs' });
    });
    review.textContent = '';
    if (!rows.length) { review.innerHTML = '<p class="hint">Select the items to return above.</p>'; return; }
    const list = document.createElement('ul');
    rows.forEach(function (r) {
      const li = document.createElement('li');
      li.textContent = r.model + ': ' + r.fault + ' (' + r.files + ')';
      list.appendChild(li);
    });
    review.appendChild(list);
  }
  form.addEventListener('change', render);
  form.addEventListener('input', render);
  render();
})();
