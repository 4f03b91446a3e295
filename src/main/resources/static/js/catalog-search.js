// Catalog search: a new sort order searches again at once.
document.addEventListener('DOMContentLoaded', function () {
  var sort = document.getElementById('search-sort');
  if (sort) {
    sort.addEventListener('change', function () { sort.form.submit(); });
  }
});
