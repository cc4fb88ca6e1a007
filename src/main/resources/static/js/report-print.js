// Shows the print button of the report confirmation (it needs JavaScript) and prints the receipt.
(function () {
  'use strict';
  var button = document.getElementById('print-report');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
}());
