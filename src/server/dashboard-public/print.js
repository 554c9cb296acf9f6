// The printable view's one button (the page's CSP allows no inline script).
document.getElementById('print-now')?.addEventListener('click', () => window.print());
