/* Demo page only: the NL/EN switch. Runs in <head> so <html lang> is set before widget.js reads it. */
(function () {
  'use strict';
  var wanted = new URLSearchParams(location.search).get('lang');
  var lang = wanted === 'en' ? 'en' : 'nl';
  document.documentElement.setAttribute('lang', lang);

  document.addEventListener('DOMContentLoaded', function () {
    // DEMO ONLY: the demo site's "backend" signs in a demo customer (a real site signs its own customer
    // server-side), so the actions that need a verified customer can be tried (docs/actions.md)
    fetch('/demo-only/signed-customer', { credentials: 'omit' }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (customer) {
      if (customer && window.LoketWidget) {
        window.LoketWidget.identify(customer);
        document.documentElement.setAttribute('data-demo-customer', customer.name);
      }
    }).catch(function () { /* no demo sign-in: the widget runs without a customer */ });
    document.querySelectorAll('[data-lang-link]').forEach(function (a) {
      if (a.getAttribute('data-lang-link') === lang) {
        a.setAttribute('aria-current', 'true');
      }
    });
    if (lang !== 'en') {
      return;
    }
    document.title = 'Polder Energie – green power from the polder';
    document.querySelectorAll('[data-en]').forEach(function (node) {
      node.textContent = node.getAttribute('data-en');
    });
    document.querySelectorAll('[data-en-aria-label]').forEach(function (node) {
      node.setAttribute('aria-label', node.getAttribute('data-en-aria-label'));
    });
  });
})();
