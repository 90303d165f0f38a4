// The RMA slip's print button.
document.getElementById('print-slip').addEventListener('click', function () { window.print(); });
