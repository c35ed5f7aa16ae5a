'use strict';
// The sign-in form needs the CSRF token; a static page gets it from /console/csrf.
(function () {
  const form = document.getElementById('login');
  const message = document.getElementById('message');
  const params = new URLSearchParams(location.search);
  if (params.has('error')) message.textContent = 'Wrong name or password.';
  // the same for every name, known or not: a lock-out never tells whether an account exists
  if (params.has('locked')) message.textContent = 'Too many failed sign-ins: wait a few minutes, then try again.';
  if (params.has('signedOut')) message.textContent = 'You are signed out.';
  const button = document.getElementById('sign-in');
  button.disabled = true;
  fetch('/console/csrf', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((csrf) => {
      const field = document.getElementById('csrf');
      field.name = csrf.parameterName;
      field.value = csrf.token;
      button.disabled = false;
    })
    .catch(() => { message.textContent = 'Cannot reach the server; reload the page.'; });
  form.addEventListener('submit', () => { button.disabled = true; });
})();
