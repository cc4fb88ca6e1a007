// Tip pages: progressive enhancement only; everything works without this script.
// The content security policy allows scripts from this site only, so no inline handlers.
document.addEventListener('DOMContentLoaded', function () {
  var print = document.getElementById('print-receipt');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }
});
