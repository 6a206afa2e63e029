// The login page: says so when the token was refused, and puts the cursor in the field.
const params = new URLSearchParams(window.location.search);
if (params.has('failed')) {
  document.getElementById('login-error').hidden = false;
}
document.getElementById('token').focus();
