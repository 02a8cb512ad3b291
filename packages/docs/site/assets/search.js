// Copied by @alidomain/generator from generator/assets/docs-site/search.js: edit that file, then run `npm run generate`.
// The docs site's script, copied as it is into packages/docs/site/assets/search.js by
// generator/src/emitters/docs-site.ts. Search as you type over window.ALIDOMAIN_SEARCH (the
// data file assets/search-index.js the emitter writes): Actions by name, summary and parameter
// names; parameters by wire name. The results are links, the options of an ARIA combobox's
// listbox. Also the sidebar toggle on narrow screens. A classic script with no dependencies, so
// the site works from file:// URLs.
//
// The ranking is pure (no DOM) and exposed as window.alidomainSearch, so that
// packages/docs/test/search.test.ts can run it in node without a page.
(() => {
  'use strict';

  /** Most results listed at once; the rest are counted. */
  const MAX = 50;

  /** 0: the whole text, 1: its start, 2: inside it, -1: not in it. */
  function rank(hay, q) {
    if (hay === q) return 0;
    const i = hay.indexOf(q);
    if (i === 0) return 1;
    return i > 0 ? 2 : -1;
  }

  /** Lower-cased search fields of each Action of the index data. */
  function prepare(data) {
    return data.actions.map((a) => ({
      a,
      name: a.n.toLowerCase(),
      text: `${a.s} ${a.d} ${a.z ?? ''}`.toLowerCase(),
      params: a.p.map((p) => p[1].toLowerCase()),
    }));
  }

  /**
   * Results for a lower-cased query, best first: the exact Action name, Action names starting
   * with it, containing it, then parameters by the same rule, then Actions matching every word
   * anywhere. Ties keep the document's order (each Action, then its parameters).
   */
  function search(actions, q) {
    const terms = q.split(/\s+/).filter(Boolean);
    const out = [];
    actions.forEach((x, i) => {
      let r = rank(x.name, q);
      if (r < 0) {
        const all = terms.every((t) => x.name.includes(t) || x.text.includes(t) || x.params.some((p) => p.includes(t)));
        if (all) r = 5;
      }
      if (r >= 0) out.push({ score: r, order: i * 1000, kind: 'Action', name: x.a.n, desc: x.a.s, href: `actions/${x.a.n}.html` });
      x.params.forEach((p, j) => {
        const pr = rank(p, q);
        if (pr < 0) return;
        const [id, wireName] = x.a.p[j];
        out.push({
          score: pr + 3,
          order: i * 1000 + j + 1,
          kind: 'Parameter',
          name: wireName,
          desc: `in ${x.a.n}`,
          href: `actions/${x.a.n}.html#${id}`,
        });
      });
    });
    out.sort((a, b) => a.score - b.score || a.order - b.order);
    return out;
  }

  window.alidomainSearch = { MAX, rank, prepare, search };
  if (typeof document === 'undefined') return; // loaded by the unit tests, without a page

  const data = window.ALIDOMAIN_SEARCH;
  const root = document.body.getAttribute('data-root') || '';
  const input = document.getElementById('search');
  const popup = document.getElementById('search-popup');
  const box = document.getElementById('search-results');
  const note = document.getElementById('search-note');
  const status = document.getElementById('search-status');
  const toggle = document.getElementById('nav-toggle');
  const sidebar = document.getElementById('sidebar');
  const main = document.getElementById('content');

  // The sidebar on a narrow screen: a panel over the page that the menu button opens. Open, it
  // takes focus and the page behind it is inert, so Tab stays in it; Escape closes it and gives
  // focus back to the button.
  if (toggle && sidebar) {
    const narrow = window.matchMedia('(max-width: 700px)');
    const setOpen = (open, focusBack) => {
      document.body.classList.toggle('nav-open', open);
      toggle.setAttribute('aria-expanded', String(open));
      if (main) main.inert = open && narrow.matches;
      if (open) (sidebar.querySelector('a[aria-current]') || sidebar.querySelector('a'))?.focus();
      else if (focusBack) toggle.focus();
    };
    toggle.addEventListener('click', () => setOpen(!document.body.classList.contains('nav-open'), false));
    sidebar.addEventListener('click', (e) => {
      if (e.target.closest('a')) setOpen(false, false);
    });
    sidebar.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
        e.preventDefault();
        setOpen(false, true);
      }
    });
    // Widened past the phone layout, the sidebar is always shown: nothing stays inert.
    narrow.addEventListener('change', () => setOpen(false, false));
    const current = sidebar.querySelector('section a[aria-current]');
    if (current) sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 2;
  }
  if (!data || !input || !popup || !box) return;

  // The search box is an ARIA combobox: focus stays in the input, the arrow keys move the active
  // option (aria-activedescendant), and a polite live region says how many results there are.
  const actions = prepare(data);
  const field = input.closest('.search');
  let links = [];
  let active = -1;

  function highlight(el, text, q) {
    const i = text.toLowerCase().indexOf(q);
    if (i < 0 || !q) {
      el.textContent = text;
      return;
    }
    const m = document.createElement('mark');
    m.textContent = text.slice(i, i + q.length);
    el.append(text.slice(0, i), m, text.slice(i + q.length));
  }

  function setActive(i) {
    if (active >= 0 && links[active]) {
      links[active].classList.remove('active');
      links[active].setAttribute('aria-selected', 'false');
    }
    active = i;
    if (active >= 0 && links[active]) {
      links[active].classList.add('active');
      links[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', links[active].id);
      links[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  const isOpen = () => !popup.hidden;

  function hide() {
    setActive(-1);
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function announce(text) {
    if (status) status.textContent = text;
  }

  function span(className, text) {
    const el = document.createElement('span');
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function render() {
    const q = input.value.trim().toLowerCase();
    setActive(-1);
    box.textContent = '';
    links = [];
    if (!q) {
      hide();
      announce('');
      return;
    }
    const results = search(actions, q);
    results.slice(0, MAX).forEach((r, i) => {
      const a = document.createElement('a');
      a.href = root + r.href;
      a.id = `search-result-${i}`;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      // Out of the Tab order: the options are reached with the arrow keys from the input.
      a.tabIndex = -1;
      a.className = `result result-${r.kind.toLowerCase()}`;
      const name = span('name');
      highlight(name, r.name, q);
      a.append(span('kind', r.kind), name, span('desc', r.desc));
      a.addEventListener('click', hide);
      box.append(a);
      links.push(a);
    });
    let text;
    if (!results.length) text = 'No Action or parameter matches.';
    else if (results.length > MAX) text = `${MAX} of ${results.length} results: type more to narrow.`;
    else text = results.length === 1 ? '1 result.' : `${results.length} results.`;
    note.className = results.length ? 'more' : 'empty';
    note.textContent = text;
    note.hidden = results.length > 0 && results.length <= MAX;
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    announce(text);
  }

  input.addEventListener('input', render);
  // Back in the input from outside the search, the results of its query show again; back from a
  // result (Escape), they stay closed.
  input.addEventListener('focus', (e) => {
    if (input.value.trim() && !(e.relatedTarget && field.contains(e.relatedTarget))) render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!isOpen()) render();
      setActive(Math.min(active + 1, links.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      const target = isOpen() ? links[active >= 0 ? active : 0] : undefined;
      if (target) {
        e.preventDefault();
        hide();
        window.location.href = target.href;
      }
    } else if (e.key === 'Escape') {
      // The first Escape closes the results, a second one clears the query.
      e.preventDefault();
      if (isOpen()) hide();
      else input.value = '';
    }
  });
  // A result can still take focus from a click; Escape there goes back to the input.
  popup.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      hide();
      input.focus();
    }
  });
  // Focus leaving the search (Tab, a click elsewhere) closes the results.
  field.addEventListener('focusout', (e) => {
    if (!e.relatedTarget || !field.contains(e.relatedTarget)) hide();
  });
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.search')) hide();
  });
  document.addEventListener('keydown', (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA') {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
