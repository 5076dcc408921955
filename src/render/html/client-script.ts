/**
 * The page's only script, inlined and allowed by its hash in the Content-Security-Policy. It builds
 * nodes with createElement/textContent only (never innerHTML): raw sections are materialised from
 * their JSON block when first opened, the filter box hides non-matching interactions, and j/k or the
 * arrow keys move between the visible ones.
 */
export const CLIENT_SCRIPT = `
(() => {
  'use strict';
  const items = Array.from(document.querySelectorAll('article.ix'));
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };

  function rawSide(title, side) {
    const box = el('div', undefined, 'raw-side');
    box.append(el('h4', title));
    if (side.headers.length > 0) {
      const table = el('table');
      for (const [name, value] of side.headers) {
        const row = el('tr');
        row.append(el('td', name, 'mono'), el('td', value, 'mono'));
        table.append(row);
      }
      box.append(table);
    }
    box.append(el('pre', side.body === '' ? '(empty body)' : side.body));
    return box;
  }

  document.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.raw || details.dataset.done) return;
    const source = document.getElementById(details.dataset.raw);
    if (!source) return;
    const raw = JSON.parse(source.textContent);
    const slot = details.querySelector('.raw-slot');
    slot.replaceChildren(rawSide('request', raw.request));
    if (raw.response) slot.append(rawSide('response', raw.response));
    details.dataset.done = '1';
  }, true);

  const filter = document.getElementById('filter');
  const count = document.getElementById('filter-count');
  document.getElementById('toolbar').hidden = false;
  const texts = new Map();
  const textOf = (item) => {
    let text = texts.get(item);
    if (text === undefined) texts.set(item, (text = item.textContent.toLowerCase()));
    return text;
  };

  /** "model:gpt tool:weather status:4xx free words": every term must match. */
  function matcher(query) {
    const tests = [];
    for (const term of query.toLowerCase().split(/\\s+/).filter(Boolean)) {
      const colon = term.indexOf(':');
      const key = colon > 0 ? term.slice(0, colon) : '';
      const value = term.slice(colon + 1);
      if (key === 'model') tests.push((item) => (item.dataset.model || '').toLowerCase().includes(value));
      else if (key === 'tool') tests.push((item) => (item.dataset.tools || '').toLowerCase().split(' ').some((t) => t.includes(value)));
      else if (key === 'status') {
        // 4xx, 40x, 429 match by digits; anything else (none) by the word.
        const pattern = /^[0-9x]+$/.test(value) ? new RegExp('^' + value.replace(/x/g, '[0-9]') + '$') : null;
        tests.push((item) => (pattern ? pattern.test(item.dataset.status || '') : (item.dataset.status || '') === value));
      } else tests.push((item) => textOf(item).includes(term));
    }
    return (item) => tests.every((test) => test(item));
  }

  function applyFilter() {
    const matches = matcher(filter.value);
    let shown = 0;
    for (const item of items) {
      const ok = matches(item);
      item.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = filter.value.trim() ? shown + ' of ' + items.length + ' interactions' : items.length + ' interactions';
  }
  let pending;
  filter.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(applyFilter, 80);
  });
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { clearTimeout(pending); applyFilter(); }
    if (event.key === 'Escape') { filter.value = ''; applyFilter(); filter.blur(); }
  });
  applyFilter();

  let current = -1;
  function go(step) {
    const visible = items.filter((item) => !item.hidden);
    if (visible.length === 0) return;
    let at = visible.indexOf(items[current]);
    at = at < 0 ? (step > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + step));
    if (current >= 0) items[current].classList.remove('current');
    const item = visible[at];
    current = items.indexOf(item);
    item.classList.add('current');
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'start' });
  }
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if (event.key === 'j' || event.key === 'ArrowDown') { event.preventDefault(); go(1); }
    else if (event.key === 'k' || event.key === 'ArrowUp') { event.preventDefault(); go(-1); }
    else if (event.key === '/') { event.preventDefault(); filter.focus(); }
  });
})();
`;
