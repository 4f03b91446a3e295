// The 数据服务接口 page's try-it form: calls the real data service with the API key typed into the
// page (never stored: it lives in the password field only for this request) and shows the status and
// the body, JSON pretty-printed (a problem+json refusal included).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('try-it');
  if (!form) { return; }
  var method = document.getElementById('try-method');
  var result = document.getElementById('try-result');
  var status = document.getElementById('try-status');
  var output = document.getElementById('try-output');

  function showFields() {
    form.querySelectorAll('.try-for').forEach(function (el) {
      el.hidden = el.dataset.for.split(' ').indexOf(method.value) < 0;
    });
  }
  method.addEventListener('change', showFields);
  showFields();

  function value(id) {
    return document.getElementById(id).value.trim();
  }

  function request() {
    var base = form.dataset.base;
    var headers = {'Accept': 'application/json, application/problem+json, text/csv, application/x-ndjson'};
    // problems come back in the console's language, not the browser's
    if (document.documentElement.lang) { headers['Accept-Language'] = document.documentElement.lang; }
    var key = document.getElementById('try-key').value;
    if (key) { headers['X-Api-Key'] = key.trim(); }
    // header values must be Latin-1 in fetch: the purpose goes percent-encoded, which the service decodes
    var purpose = value('try-purpose');
    if (purpose) { headers['X-Purpose'] = encodeURIComponent(purpose); }
    var params = new URLSearchParams(value('try-params')).toString();
    switch (method.value) {
      case 'lookup':
        return {url: base + '/records/' + encodeURIComponent(value('try-record-key')), init: {method: 'GET', headers: headers}};
      case 'verify':
        headers['Content-Type'] = 'application/json';
        return {url: base + '/verifications', init: {method: 'POST', headers: headers, body: document.getElementById('try-body').value}};
      case 'export':
        return {url: base + '/export' + (params ? '?' + params : ''), init: {method: 'GET', headers: headers}};
      default:
        return {url: base + '/records' + (params ? '?' + params : ''), init: {method: 'GET', headers: headers}};
    }
  }

  function show(code, ok, text) {
    result.hidden = false;
    status.textContent = code;
    status.className = 'badge ' + (ok ? 'text-bg-success' : 'text-bg-danger');
    output.textContent = text;
  }

  document.getElementById('try-send').addEventListener('click', function () {
    var r = request();
    r.init.credentials = 'omit';
    r.init.cache = 'no-store';
    status.textContent = '…';
    fetch(r.url, r.init).then(function (response) {
      return response.text().then(function (body) {
        var type = response.headers.get('Content-Type') || '';
        var shown = body;
        if (type.indexOf('json') >= 0 && type.indexOf('ndjson') < 0) {
          try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { shown = body; }
        }
        if (shown.length > 20000) { shown = shown.substring(0, 20000) + '\n…'; }
        show(response.status + ' ' + (response.statusText || ''), response.ok, shown);
      });
    }).catch(function (e) {
      show('—', false, form.dataset.networkError + ' ' + e);
    });
  });
});
