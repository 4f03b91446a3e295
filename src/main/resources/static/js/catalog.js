// Catalog pages (资源目录). Loaded only there; no inline scripts or handlers (CSP script-src 'self').
//
// 1. Fields that apply only sometimes: an element with data-show-when="field:VALUE[,VALUE]" is shown
//    while the control data-field="field" in the same [data-scope] (the resource's fieldset, or one
//    data item row) has one of those values, e.g. the share condition of a conditionally shared resource.
// 2. The data items editor: add, remove and reorder rows. Every row's inputs are renamed
//    dataItems[i].field in table order after each change, so the server binds them as one list.
(function () {
  'use strict';

  function currentValue(scope, field) {
    var controls = scope.querySelectorAll('[data-field="' + field + '"]');
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      if (c.type !== 'radio') { return c.value; }
      if (c.checked) { return c.value; }
    }
    return '';
  }

  function applyVisibility(root) {
    root.querySelectorAll('[data-show-when]').forEach(function (el) {
      var scope = el.closest('[data-scope]') || document;
      var rule = el.dataset.showWhen.split(':');
      var shown = rule[1].split(',').indexOf(currentValue(scope, rule[0])) >= 0;
      el.classList.toggle('d-none', !shown);
    });
  }

  var INDEX = /^dataItems\[-?\d+\]/;
  var ID = /^item--?\d+-/;

  function renumber(table) {
    var rows = table.querySelectorAll('tbody.item-row');
    rows.forEach(function (row, i) {
      row.querySelectorAll('[name]').forEach(function (el) {
        el.name = el.name.replace(INDEX, 'dataItems[' + i + ']');
      });
      row.querySelectorAll('[id]').forEach(function (el) {
        el.id = el.id.replace(ID, 'item-' + i + '-');
      });
      row.querySelectorAll('label[for]').forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(ID, 'item-' + i + '-');
      });
      row.querySelectorAll('[data-error-for]').forEach(function (el) {
        el.dataset.errorFor = el.dataset.errorFor.replace(INDEX, 'dataItems[' + i + ']');
      });
      row.querySelector('.row-number').textContent = String(i + 1);
      row.querySelector('[data-row-action="up"]').disabled = i === 0;
      row.querySelector('[data-row-action="down"]').disabled = i === rows.length - 1;
    });
  }

  function addRow(table) {
    var template = document.getElementById('item-template');
    var row = template.content.querySelector('tbody.item-row').cloneNode(true);
    table.appendChild(row);
    renumber(table);
    applyVisibility(row);
    return row;
  }

  function initItemsEditor(form) {
    var table = form.querySelector('#items-table');
    var add = form.querySelector('#add-item');
    if (!table || !add) { return; }
    renumber(table);
    add.addEventListener('click', function () {
      addRow(table).querySelector('input').focus();
    });
    table.addEventListener('click', function (e) {
      var button = e.target.closest('[data-row-action]');
      if (!button) { return; }
      var row = button.closest('tbody.item-row');
      var action = button.dataset.rowAction;
      if (action === 'remove') {
        row.remove();
        if (!table.querySelector('tbody.item-row')) { addRow(table); }
      } else if (action === 'up') {
        var before = row.previousElementSibling;
        if (before && before.matches('tbody.item-row')) { table.insertBefore(row, before); }
      } else if (action === 'down') {
        var after = row.nextElementSibling;
        if (after && after.matches('tbody.item-row')) { table.insertBefore(after, row); }
      }
      renumber(table);
      var still = row.isConnected ? row.querySelector('[data-row-action="' + action + '"]') : null;
      if (still && !still.disabled) { still.focus(); }
    });
    form.addEventListener('submit', function () { renumber(table); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('resource-form');
    if (!form) { return; }
    applyVisibility(form);
    form.addEventListener('change', function (e) {
      if (e.target.dataset && e.target.dataset.field) { applyVisibility(form); }
    });
    initItemsEditor(form);
  });
})();
