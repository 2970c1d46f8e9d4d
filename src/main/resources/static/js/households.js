// The commitments page: "tick all" ticks every household not yet registered.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('tick-all');
  if (button) {
    button.addEventListener('click', () => {
      document.querySelectorAll('input[name=household]:not(:disabled)').forEach(b => { b.checked = true; });
    });
  }
});
