// Progressive enhancement for the comment form; everything also works without this script.
(function () {
  'use strict';
  var STORE = 'broadsheet.commenter';
  var form = document.getElementById('commentform');

  function showHeld() {
    var held = new URLSearchParams(location.search).get('held');
    var list = document.querySelector('#comments .comment-list');
    if (!held || document.querySelector('.comment-held')) { return; }
    fetch('/comments/held?t=' + encodeURIComponent(held), { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var tpl = document.createElement('template');
        tpl.innerHTML = html.trim();
        var item = tpl.content.firstElementChild;
        if (!item) { return; }
        var parent = item.getAttribute('data-parent') && document.getElementById('comment-' + item.getAttribute('data-parent'));
        var target;
        if (parent) {
          target = parent.querySelector(':scope > ol.children');
          if (!target) { target = document.createElement('ol'); target.className = 'children'; parent.appendChild(target); }
        } else {
          target = list;
          if (!target) {
            target = document.createElement('ol'); target.className = 'comment-list';
            var heading = document.getElementById('comments-heading');
            heading.parentNode.insertBefore(target, heading.nextSibling);
          }
        }
        target.appendChild(item);
        item.scrollIntoView();
      });
  }
  showHeld();
  if (!form) { return; }

  form.elements.js.value = '1';
  if (!form.elements.key.value) {
    form.elements.key.value = window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(36).slice(2);
  }
  // The page may come from a cache: fetch a fresh signed timestamp for the fill-in time check.
  fetch('/comments/token?article=' + encodeURIComponent(form.elements.article.value), { cache: 'no-store' })
    .then(function (r) { return r.ok ? r.text() : null; })
    .then(function (t) { if (t && !form.querySelector('.has-error')) { form.elements.token.value = t; } })
    .catch(function () {});

  // Remember me: only when the reader ticks the box, and only in this browser.
  var remember = form.elements.remember;
  try {
    var saved = JSON.parse(localStorage.getItem(STORE) || 'null');
    if (saved && !form.elements.author.value && !form.elements.email.value) {
      form.elements.author.value = saved.name || '';
      form.elements.email.value = saved.email || '';
      form.elements.url.value = saved.url || '';
      remember.checked = true;
    }
  } catch (e) { /* storage may be disabled */ }

  // The exact messages, instead of the browser's own wording.
  ['comment', 'author', 'email'].forEach(function (id) {
    var field = document.getElementById(id);
    field.addEventListener('invalid', function () {
      if (field.validity.valueMissing) { field.setCustomValidity(field.getAttribute('data-missing')); }
      else if (field.validity.typeMismatch && field.getAttribute('data-mismatch')) { field.setCustomValidity(field.getAttribute('data-mismatch')); }
    });
    field.addEventListener('input', function () { field.setCustomValidity(''); });
  });

  form.addEventListener('submit', function () {
    try {
      if (remember.checked) {
        localStorage.setItem(STORE, JSON.stringify({ name: form.elements.author.value, email: form.elements.email.value, url: form.elements.url.value }));
      } else {
        localStorage.removeItem(STORE);
      }
    } catch (e) { /* storage may be disabled */ }
  });

  // Reply links: move the form under the comment instead of loading the comments page.
  var respond = document.getElementById('respond');
  var home = respond.parentNode, homeNext = respond.nextSibling;
  var title = document.getElementById('reply-title');
  var cancel = document.getElementById('cancel-reply');
  var parentField = document.getElementById('parent');
  var original = title.textContent;
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.reply-link');
    if (!link) { return; }
    var li = document.getElementById('comment-' + link.getAttribute('data-id'));
    if (!li) { return; }
    e.preventDefault();
    li.querySelector('article').appendChild(respond);
    parentField.value = link.getAttribute('data-id');
    title.textContent = 'Reply to ' + link.getAttribute('data-name');
    cancel.parentNode.hidden = false;
    document.getElementById('comment').focus();
  });
  cancel.addEventListener('click', function (e) {
    if (parentField.value === '0' || home.contains(respond)) { return; }
    e.preventDefault();
    home.insertBefore(respond, homeNext);
    parentField.value = '0';
    title.textContent = original;
    cancel.parentNode.hidden = true;
  });
})();
