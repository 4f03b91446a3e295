// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Buttons with data-confirm ask before submitting their form.
document.addEventListener('submit', function (e) {
  var button = e.submitter;
  var message = (button && button.dataset.confirm) || e.target.dataset.confirm;
  if (message && !window.confirm(message)) { e.preventDefault(); }
});
// Dashboard charts: each [data-chart-src] element is drawn as stacked bars from its JSON
// ({categories: [...], series: [{name, data}]}), with ECharts from its WebJar.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var colors = ['#2e7d32', '#c62828', '#ef6c00', '#1565c0', '#6a1b9a'];
  document.querySelectorAll('[data-chart-src]').forEach(function (el) {
    fetch(el.dataset.chartSrc, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        var chart = echarts.init(el);
        chart.setOption({
          color: colors,
          tooltip: {trigger: 'axis'},
          legend: {top: 0},
          grid: {left: 40, right: 10, top: 30, bottom: 25},
          xAxis: {type: 'category', data: data.categories},
          yAxis: {type: 'value', minInterval: 1},
          series: data.series.map(function (s) {
            return {name: s.name, type: 'bar', stack: 'total', data: s.data};
          })
        });
        el.dataset.chartDrawn = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () { el.textContent = '—'; });
  });
});
// The bell's minute poll must not keep an unattended session alive past its idle timeout:
// after 25 minutes without the person touching the page, the poll stops asking the server.
(function () {
  var last = Date.now();
  ['pointerdown', 'keydown', 'scroll', 'mousemove'].forEach(function (type) {
    document.addEventListener(type, function () { last = Date.now(); }, {passive: true});
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.target && e.target.id === 'notification-badge' && Date.now() - last > 25 * 60 * 1000) {
      e.preventDefault();
    }
  });
})();
