// The top navigation folds into a "Menu" button on a phone. Without this script the links simply stay listed.
(function () {
  var toggle = document.querySelector('.menu-toggle');
  var nav = document.getElementById('main-nav');
  if (!toggle || !nav) { return; }
  document.documentElement.classList.add('has-menu');
  toggle.hidden = false;
  toggle.addEventListener('click', function () {
    var open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
    nav.classList.toggle('open', !open);
  });
})();
// After a refused post, the focus goes to the error summary, whose links lead to each field.
(function () {
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
})();
