// The wizard's review step: lists the selected items, their descriptions and proofs as the customer edits them.
(function () {
  const form = document.getElementById('wizard');
  const review = document.getElementById('review');
  if (!form || !review) { return; }
  // the page's words, in the reader's language (messages*.properties, wizard.js.*): {0}, {1} are filled in
  const words = form.dataset;
  function fill(text, a, b) { return text.replace('{0}', a).replace('{1}', b); }
  function render() {
    const rows = [];
    form.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) {
      const item = box.closest('.item');
      const files = Array.from(item.querySelector('input[type=file]').files).map(function (f) { return f.name; });
      const fault = item.querySelector('textarea').value.trim();
      rows.push({ model: box.dataset.model + ' · ' + box.dataset.serial, fault: fault || words.noDescription, files: files.length ? fill(words.proofs, files.length, files.join(', ')) : words.noProofs });
    });
    review.textContent = '';
    if (!rows.length) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = words.selectHint;
      review.appendChild(hint);
      return;
    }
    const list = document.createElement('ul');
    rows.forEach(function (r) {
      const li = document.createElement('li');
      li.textContent = r.model + ': ' + r.fault + ' (' + r.files + ')';
      list.appendChild(li);
    });
    review.appendChild(list);
  }
  // a proof over the limit is named before anything is sent, so nothing typed is lost to a refused upload
  function oversize(maxBytes) {
    const names = [];
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.from(input.files).forEach(function (f) { if (maxBytes && f.size > maxBytes) { names.push(f.name + ' (' + Math.ceil(f.size / 1048576) + ' MB)'); } });
    });
    return names;
  }
  let warning = null;
  form.addEventListener('submit', function (event) {
    const maxBytes = Number(form.dataset.maxProofBytes || 0);
    const tooBig = oversize(maxBytes);
    if (warning) { warning.remove(); warning = null; }
    if (!tooBig.length) { return; }
    event.preventDefault();
    warning = document.createElement('div');
    warning.className = 'error';
    warning.setAttribute('role', 'alert');
    warning.id = 'upload-error';
    warning.textContent = fill(words.tooBig, tooBig.join(', '), Math.round(maxBytes / 1048576));
    form.insertBefore(warning, form.firstChild);
    warning.scrollIntoView();
  });
  form.addEventListener('change', render);
  form.addEventListener('input', render);
  render();
})();
