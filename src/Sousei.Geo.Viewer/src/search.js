// Search box: vacant-house survey id, 町丁目 / mesh, ward and hub-area names, hub and stop names. One match zooms
// to it and highlights it; several give a list chosen with the arrow keys and Enter (WAI-ARIA combobox pattern).
import { t, tf } from './i18n.js';

const normalize = (s) => String(s ?? '').normalize('NFKC').toLowerCase().trim();

export function createSearch({ candidates, show }) {
  const input = document.getElementById('search');
  const list = document.getElementById('search-results');
  const message = document.getElementById('search-message');
  let results = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const choose = (r) => {
    close();
    message.textContent = `${t('kind_' + r.kind)}: ${r.name}`;
    show(r);
  };
  const mark = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
  };
  async function run() {
    const q = normalize(input.value);
    if (q === '') return;
    const all = await candidates();
    const exact = all.filter((c) => normalize(c.name) === q || normalize(c.id) === q);
    results = exact.length > 0 ? exact : all.filter((c) => normalize(c.name).includes(q) || normalize(c.id).includes(q)).slice(0, 50);
    list.innerHTML = '';
    if (results.length === 0) {
      close();
      message.textContent = t('searchNone');
      return;
    }
    if (results.length === 1) {
      choose(results[0]);
      return;
    }
    results.forEach((r, i) => {
      const li = document.createElement('li');
      li.id = 'search-result-' + i;
      li.setAttribute('role', 'option');
      li.dataset.kind = r.kind;
      li.dataset.id = r.id;
      li.textContent = `${r.name} — ${t('kind_' + r.kind)}`;
      li.addEventListener('click', () => choose(r));
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    message.textContent = tf('searchMany', { n: results.length });
    mark(-1);
  }
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && results.length > 0;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (open && active >= 0) choose(results[active]); else run();
    } else if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      mark((active + step + results.length) % results.length);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  return { run };
}
