// Copied by @alidomain/generator from generator/assets/docs-site/language.js: edit that file, then run `npm run generate`.
// The docs site's language switch, copied as it is into packages/docs/site/assets/language.js by
// generator/src/emitters/docs-site.ts. Every description the spec has in both languages is on
// the page twice: the English (lang="en") and the document's Chinese (lang="zh"), each marked
// class="pair". The switch shows English, Chinese or both by setting data-show on <html>; the
// stylesheet hides the other half of each pair. The choice is kept in localStorage, and the
// inline script in each page's <head> applies it before the page is drawn.
(() => {
  'use strict';

  const KEY = 'alidomain-docs-lang';
  const CHOICES = ['en', 'zh', 'both'];
  const root = document.documentElement;

  function current() {
    return CHOICES.includes(root.dataset.show) ? root.dataset.show : 'both';
  }

  function show(choice) {
    root.dataset.show = choice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // storage refused (private mode): the choice lasts for this page only
    }
    for (const b of document.querySelectorAll('#lang-switch button')) b.setAttribute('aria-pressed', String(b.value === choice));
  }

  const group = document.getElementById('lang-switch');
  if (!group) return;
  group.hidden = false;
  for (const b of group.querySelectorAll('button')) {
    b.setAttribute('aria-pressed', String(b.value === current()));
    b.addEventListener('click', () => show(b.value));
  }
})();
