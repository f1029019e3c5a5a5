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
// Search as you type: a form marked data-live-search="<region id>" fetches its own GET result after a pause in typing
// and swaps in the page's region of that id, so the results come from the same page handler and access rules as a
// submitted search. The element named by data-live-status (a role="status" region) takes the new page's text, which
// a screen reader announces. Without script, or when the answer is not the page (signed out, refused), the form
// submits as usual.
(function () {
  var forms = document.querySelectorAll('form[data-live-search]');
  Array.prototype.forEach.call(forms, function (form) {
    var region = document.getElementById(form.getAttribute('data-live-search'));
    var status = document.getElementById(form.getAttribute('data-live-status'));
    if (!region || !window.fetch || !window.DOMParser) { return; }
    var timer = null;
    var pending = null;
    var last = new URLSearchParams(new FormData(form)).toString();

    function search() {
      var query = new URLSearchParams(new FormData(form)).toString();
      if (query === last) { return; }
      last = query;
      var url = (form.getAttribute('action') || window.location.pathname) + '?' + query;
      if (pending) { pending.abort(); }
      pending = new AbortController();
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal: pending.signal })
        .then(function (response) {
          return response.ok && !response.redirected ? response.text() : Promise.reject(new Error('not the page'));
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var found = page.getElementById(region.id);
          if (!found || page.querySelector('.error-summary')) { throw new Error('not the results'); }
          region.innerHTML = found.innerHTML;
          var foundStatus = status && page.getElementById(status.id);
          if (foundStatus) { status.textContent = foundStatus.textContent.replace(/\s+/g, ' ').trim(); }
          window.history.replaceState(null, '', url);
        })
        .catch(function (error) {
          if (error.name !== 'AbortError') { form.submit(); }
        });
    }

    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    }

    form.addEventListener('input', soon);
    form.addEventListener('change', soon);
  });
})();
