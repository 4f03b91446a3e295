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
