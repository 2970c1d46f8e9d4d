// The units tree: a toggle button shows or hides the children it loaded (htmx loads them once).
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.unit-toggle');
  if (!button) {
    return;
  }
  var list = document.getElementById(button.getAttribute('aria-controls'));
  var expanded = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', expanded ? 'false' : 'true');
  if (list) {
    list.hidden = expanded;
  }
});
