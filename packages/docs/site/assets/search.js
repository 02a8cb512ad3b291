// Copied by @alidomain/generator from generator/assets/docs-site/search.js: edit that file, then run `npm run generate`.
// The docs site's script, copied as it is into packages/docs/site/assets/search.js by
// generator/src/emitters/docs-site.ts. Search as you type over window.ALIDOMAIN_SEARCH (the
// data file assets/search-index.js the emitter writes): Actions by name, summary and parameter
// names; parameters by wire name. Results are plain links. Also the sidebar toggle on narrow
// screens. A classic script with no dependencies, so the site works from file:// URLs.
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
  const box = document.getElementById('search-results');
  const toggle = document.getElementById('nav-toggle');
  const sidebar = document.getElementById('sidebar');

  if (toggle && sidebar) {
    toggle.addEventListener('click', () => {
      const open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', String(open));
    });
    sidebar.addEventListener('click', (e) => {
      if (e.target.closest('a')) document.body.classList.remove('nav-open');
    });
    const current = sidebar.querySelector('section a[aria-current]');
    if (current) sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 2;
  }
  if (!data || !input || !box) return;

  const actions = prepare(data);
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
      links[active].scrollIntoView({ block: 'nearest' });
    }
  }

  function hide() {
    box.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function span(className, text) {
    const el = document.createElement('span');
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function render() {
    const q = input.value.trim().toLowerCase();
    box.textContent = '';
    links = [];
    active = -1;
    if (!q) {
      hide();
      return;
    }
    const results = search(actions, q);
    for (const r of results.slice(0, MAX)) {
      const a = document.createElement('a');
      a.href = root + r.href;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.className = `result result-${r.kind.toLowerCase()}`;
      const name = span('name');
      highlight(name, r.name, q);
      a.append(span('kind', r.kind), name, span('desc', r.desc));
      a.addEventListener('click', hide);
      box.append(a);
      links.push(a);
    }
    const note = document.createElement('div');
    if (!results.length) {
      note.className = 'empty';
      note.textContent = 'No Action or parameter matches.';
      box.append(note);
    } else if (results.length > MAX) {
      note.className = 'more';
      note.textContent = `${MAX} of ${results.length} results: type more to narrow.`;
      box.append(note);
    }
    box.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  input.addEventListener('input', render);
  input.addEventListener('focus', () => {
    if (input.value.trim()) render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(active + 1, links.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      const target = links[active >= 0 ? active : 0];
      if (target) {
        e.preventDefault();
        hide();
        window.location.href = target.href;
      }
    } else if (e.key === 'Escape') {
      input.value = '';
      hide();
    }
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
