// The staff task page: renders the task's linked Camunda Form with form-js (FormViewer, served by the app) with the
// task's variables, and completes the task through the queue's API with the form's data. form-js shows its own
// validation errors on the form; what the server refuses (each field named) shows above it. Text only, never HTML.
(function () {
  'use strict';
  var container = document.getElementById('task-form');
  if (!container) { return; }
  var api = container.getAttribute('data-api');
  var done = container.getAttribute('data-done');
  var errorBox = document.getElementById('task-error');
  var button = document.getElementById('complete');

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  function showError(detail, fields) {
    errorBox.textContent = '';
    var p = document.createElement('p');
    p.textContent = detail || 'The task was not completed.';
    errorBox.appendChild(p);
    if (fields && fields.length) {
      var ul = document.createElement('ul');
      fields.forEach(function (f) {
        var li = document.createElement('li');
        li.textContent = f.label + ': ' + f.reason;
        li.setAttribute('data-field', f.field);
        ul.appendChild(li);
      });
      errorBox.appendChild(ul);
    }
    errorBox.hidden = false;
  }

  function problemOf(response) {
    return response.json().catch(function () { return { detail: 'HTTP ' + response.status }; });
  }

  fetch(api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : problemOf(r).then(function (p) { throw p; }); })
    .then(function (task) {
      var form = new FormViewer.Form({ container: container });
      return form.importSchema(task.form, task.variables || {}).then(function () {
        container.setAttribute('data-ready', 'true');
        button.addEventListener('click', function () {
          var result = form.submit();
          if (Object.keys(result.errors || {}).length > 0) { return; }
          button.disabled = true;
          fetch(api + '/completion', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
            body: JSON.stringify({ variables: result.data })
          }).then(function (r) {
            if (r.status === 204) {
              window.location.href = done + '?completed=' + encodeURIComponent(task.task.name);
              return;
            }
            return problemOf(r).then(function (p) { showError(p.detail, p.fields); button.disabled = false; });
          }).catch(function (e) { showError('The portal could not be reached: ' + e); button.disabled = false; });
        });
      });
    })
    .catch(function (p) { showError(p && p.detail ? p.detail : String(p)); });
})();
