// The children's table of the statistics page sorts by a column when its heading is pressed
// (numbers by value, names alphabetically; the row of the unit's own records stays last).
document.querySelectorAll('table.statistics-children').forEach(function (table) {
  table.querySelectorAll('button.statistics-sort').forEach(function (button, column) {
    button.addEventListener('click', function () {
      var numeric = button.dataset.type === 'number';
      var descending = button.getAttribute('aria-sort') !== 'descending';
      table.querySelectorAll('th[aria-sort]').forEach(function (th) { th.removeAttribute('aria-sort'); });
      table.querySelectorAll('button.statistics-sort').forEach(function (b) { b.removeAttribute('aria-sort'); });
      button.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      button.closest('th').setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var own = rows.filter(function (r) { return r.classList.contains('statistics-own'); });
      rows = rows.filter(function (r) { return !r.classList.contains('statistics-own'); });
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort;
        var y = b.cells[column].dataset.sort;
        var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, document.documentElement.lang);
        return descending ? -c : c;
      });
      rows.concat(own).forEach(function (r) { body.appendChild(r); });
    });
  });
});
