// The what-if pane: pick vacant houses (top N of the ranking, the Map tab's filter, or clicks on the map), ask
// /api/vacant/whatif, and show density and gap_persons before and after for the whole area and each zone.
// Only public fields are ever requested (no X-Api-Key is sent), so owner data cannot reach the browser.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import { Circle, Stroke, Style } from 'ol/style.js';
import { labels, locale, paren, t, tf, i18n } from './i18n.js';

/** Houses chosen by clicking are sent as occupy_ids in the query string, whose request line is capped at 8 KiB. */
export const MaxClickSelection = 400;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = (v, digits) => v.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
const density = (v) => num(v, 3);
const signed = (v, digits) => (v > 0 ? '+' : v < 0 ? '−' : '±') + num(Math.abs(v), digits);
const densityDelta = (d) => signed(d, d !== 0 && Math.abs(d) < 0.01 ? 4 : 3);
const delta = (d) => `<span class="delta ${d > 0 ? 'up' : d < 0 ? 'down' : ''}">`;

/**
 * The Map tab's filter (the export's query parameters) in the filter language of occupy_filter
 * (docs/analysis.md): "inside=true,decay_rank=low|medium,max_hub_distance_m=800". Returns null when no house
 * can match (no decay rank ticked) and "" when there is no condition.
 */
export function filterExpression(query) {
  const parts = [];
  for (const [key, value] of query) {
    if (value === 'none') return null;
    parts.push(`${key}=${value.split(',').join('|')}`);
  }
  return parts.join(',');
}

export function createWhatIf({ api, map, methods, filterQuery, featureById, totalHouses }) {
  const el = (id) => document.getElementById(id);
  const resultEl = el('wi-result');
  const selectionEl = el('wi-selection');
  const messageEl = el('wi-message');
  const methodSelect = el('wi-method');
  const selected = new Map(); // id → feature, in click order
  let mode = 'top';
  let active = false;
  let last = null; // { url, body }
  let seq = 0;
  let timer = 0;

  const highlightSource = new VectorSource();
  const ring = new Style({ image: new Circle({ radius: 10, stroke: new Stroke({ color: '#00e5ff', width: 3.5 }) }) });
  const ringOutline = new Style({ image: new Circle({ radius: 12, stroke: new Stroke({ color: '#003a40', width: 1.5 }) }) });
  const highlightLayer = new VectorLayer({ source: highlightSource, style: [ringOutline, ring], zIndex: 11, visible: false });
  map.addLayer(highlightLayer);

  function pointOf(feature) {
    const g = feature.getGeometry();
    return g.getType() === 'Point' ? g.clone() : g.getInteriorPoint();
  }

  function highlight(ids) {
    highlightSource.clear();
    highlightSource.addFeatures(ids.map((id) => selected.get(id) ?? featureById(id)).filter(Boolean).map((f) => {
      const h = new Feature(pointOf(f));
      h.setId(f.get('id'));
      return h;
    }));
  }

  function fillMethods() {
    const chosen = methodSelect.value;
    methodSelect.innerHTML = methods().map((m) => `<option value="${m}">${esc(labels[i18n.lang].methods[m])}</option>`).join('');
    if (chosen && methods().includes(chosen)) methodSelect.value = chosen;
  }

  function showMessage(key, values = {}) {
    messageEl.textContent = key ? tf(key, values) : '';
    messageEl.hidden = !key;
  }

  /** The query string for the current choice, or { message } when there is nothing to ask. */
  function request() {
    const q = [];
    if (mode === 'top') {
      const n = Number(el('wi-top').value);
      if (!Number.isInteger(n) || n < 1) return { message: 'topInvalid' };
      q.push(`occupy_top=${n}`);
    } else if (mode === 'filter') {
      const expr = filterExpression(filterQuery());
      if (expr === null) return { message: 'noneMatch' };
      // No condition means every ranked house, which the top N of all houses gives.
      q.push(expr === '' ? `occupy_top=${Math.max(1, totalHouses())}` : `occupy_filter=${encodeURIComponent(expr)}`);
    } else {
      if (selected.size === 0) return { message: 'pickOnMap' };
      q.push('occupy_ids=' + [...selected.keys()].map(encodeURIComponent).join(','));
    }
    const pph = el('wi-pph').value.trim();
    if (pph !== '') {
      const v = Number(pph);
      if (!Number.isFinite(v) || v <= 0) return { message: 'pphInvalid' };
      q.push(`persons_per_household=${v}`);
    }
    if (methodSelect.value) q.push(`method=${encodeURIComponent(methodSelect.value)}`);
    return { url: api('api/vacant/whatif?' + q.join('&')) };
  }

  function schedule(delayMs = 200) {
    clearTimeout(timer);
    timer = setTimeout(update, delayMs);
  }

  async function update() {
    if (!active) return;
    const mine = ++seq;
    renderSelection();
    const { url, message } = request();
    if (!url) {
      last = null;
      resultEl.innerHTML = '';
      showMessage(message);
      highlight(mode === 'click' ? [...selected.keys()] : []);
      document.body.dataset.whatifDone = String(mine);
      return;
    }
    showMessage(null);
    if (mode === 'click') highlight([...selected.keys()]);
    resultEl.setAttribute('aria-busy', 'true');
    resultEl.classList.add('stale');
    let body = null;
    let failure = null;
    try {
      const response = await fetch(url);
      body = await response.json().catch(() => null);
      if (!response.ok) failure = body?.detail ?? `HTTP ${response.status}`;
    } catch (e) {
      failure = e.message;
    }
    if (mine !== seq) return;
    resultEl.removeAttribute('aria-busy');
    resultEl.classList.remove('stale');
    if (failure) {
      last = null;
      resultEl.innerHTML = `<p class="error">${esc(t('requestFailed'))}: ${esc(failure)}</p>`;
    } else {
      last = { url, body };
      render();
      highlight(body.occupied.map((o) => o.id));
    }
    resultEl.dataset.url = url;
    document.body.dataset.whatifDone = String(mine);
  }

  function renderSelection() {
    el('wi-filter-summary').textContent = mode === 'filter' ? `${t('filterSummary')}: ${filterSummary()}` : '';
    if (mode !== 'click') {
      selectionEl.hidden = true;
      return;
    }
    selectionEl.hidden = selected.size === 0;
    const ids = [...selected.keys()];
    const shown = ids.slice(0, 40).map((id) => `<li><span>${esc(id)}</span><button type="button" data-remove="${esc(id)}" aria-label="${esc(t('remove'))} ${esc(id)}">×</button></li>`).join('');
    selectionEl.querySelector('ul').innerHTML = shown + (ids.length > 40 ? `<li>+${ids.length - 40}</li>` : '');
  }

  function filterSummary() {
    const expr = filterExpression(filterQuery());
    if (expr === null) return t('noneMatch');
    if (expr === '') return t('filterAll');
    return expr.split(',').map((part) => {
      const [key, value] = part.split('=');
      const shownValue = value.split('|').map((v) => (key === 'decay_rank' ? t(v) : v)).join('・');
      const name = { inside: t('inside'), decay_rank: t('decay'), max_hub_distance_m: t('hubDistance'), max_frequent_stop_distance_m: t('stopDistance') }[key] ?? key;
      return key === 'inside' ? (value === 'true' ? t('insideOnly') : t('outsideOnly')) : `${name} ${shownValue}`;
    }).join(', ');
  }

  function render() {
    if (!last) return;
    const r = last.body;
    const inside = r.occupied.filter((o) => o.inside_inducement_area).length;
    const gapDelta = r.gap_persons_after - r.gap_persons_before;
    const reach = r.target_reach?.total;
    let reachText = '';
    if (reach) {
      reachText = reach.already_meets ? t('reachAlready')
        : reach.stock_enough ? tf('reachHouses', { n: reach.houses_needed.toLocaleString(locale()) })
          : tf('reachShort', { n: reach.houses_available.toLocaleString(locale()), gap: reach.gap_persons_if_all_occupied.toLocaleString(locale()) });
    }
    const zones = [...r.zones].sort((a, b) => (b.persons_added > 0) - (a.persons_added > 0));
    const changed = zones.filter((z) => z.persons_added > 0).length;
    const zoneRows = zones.map((z) => {
      const gd = z.gap_persons_after - z.gap_persons_before;
      return `<tr class="${z.persons_added > 0 ? 'changed' : ''}" data-zone="${esc(z.id)}"><th>${esc(z.name ?? z.id)}</th>`
        + `<td>${density(z.density_before)} → ${density(z.density_after)}</td>`
        + `<td>${z.gap_persons_before.toLocaleString(locale())} → ${z.gap_persons_after.toLocaleString(locale())}${gd !== 0 ? ` ${delta(gd)}(${signed(gd, 0)})</span>` : ''}</td></tr>`;
    }).join('');
    resultEl.innerHTML = `
      <h3>${esc(t('wholeArea'))}</h3>
      <p class="wi-count"><span>${esc(t('selected'))}</span>: <strong id="wi-count" data-value="${r.occupied.length}">${r.occupied.length.toLocaleString(locale())}</strong>
        ${paren(`${esc(t('insideCount'))} <span id="wi-inside" data-value="${inside}">${inside.toLocaleString(locale())}</span>`)}</p>
      <table class="wi-table">
        <thead><tr><th></th><th>${esc(t('before'))}</th><th>${esc(t('after'))}</th><th>${esc(t('change'))}</th></tr></thead>
        <tbody>
          <tr><th>${esc(t('densityRow'))}</th><td id="wi-density-before" data-value="${r.density_before}">${density(r.density_before)}</td>
            <td id="wi-density-after" data-value="${r.density_after}">${density(r.density_after)}</td>
            <td>${delta(r.density_after - r.density_before)}${densityDelta(r.density_after - r.density_before)}</span></td></tr>
          <tr><th>${esc(t('gapRow'))}<small>${esc(t('gapHint'))}</small></th><td id="wi-gap-before" data-value="${r.gap_persons_before}">${r.gap_persons_before.toLocaleString(locale())}</td>
            <td id="wi-gap-after" data-value="${r.gap_persons_after}">${r.gap_persons_after.toLocaleString(locale())}</td>
            <td>${delta(gapDelta)}${signed(gapDelta, 0)}</span></td></tr>
          <tr><th>${esc(tf('meetsRow', { target: r.target_per_ha }))}</th><td>${esc(r.meets_target_before ? t('meets') : t('notMet'))}</td>
            <td>${esc(r.meets_target_after ? t('meets') : t('notMet'))}</td><td></td></tr>
        </tbody>
      </table>
      <p>${esc(t('personsAddedRow'))}: <strong id="wi-persons" data-value="${r.persons_added_inside}">${num(r.persons_added_inside, 1)}</strong> ${esc(t('persons'))}
        ${inside < r.occupied.length ? `<br><small>${esc(t('outsideNote'))}</small>` : ''}</p>
      ${reachText ? `<p class="reach"><strong>${esc(t('reachTitle'))}</strong>: <span id="wi-reach">${esc(reachText)}</span></p>` : ''}
      <details class="wi-zones" ${changed > 0 ? 'open' : ''}><summary>${esc(t('byZone'))}${esc(paren(`${t('zonesChanged')} ${changed}`))}</summary>
        <table><thead><tr><th>${esc(t('zone'))}</th><th>${esc(t('densityRow'))}</th><th>${esc(t('gapRow'))}</th></tr></thead><tbody>${zoneRows}</tbody></table>
      </details>`;
  }

  // Wiring.
  document.querySelectorAll('input[name=wi-mode]').forEach((radio) => radio.addEventListener('change', () => {
    mode = radio.value;
    document.body.classList.toggle('selecting', active && mode === 'click');
    schedule(0);
  }));
  el('wi-top').addEventListener('input', () => schedule());
  el('wi-pph').addEventListener('input', () => schedule());
  methodSelect.addEventListener('change', () => schedule(0));
  el('wi-clear').addEventListener('click', () => {
    selected.clear();
    schedule(0);
  });
  selectionEl.addEventListener('click', (e) => {
    const id = e.target.closest('button[data-remove]')?.dataset.remove;
    if (id) {
      selected.delete(id);
      schedule(0);
    }
  });

  return {
    highlightSource,
    /** True when map clicks choose houses instead of opening the popup. */
    selecting: () => active && mode === 'click',
    open() {
      active = true;
      fillMethods();
      highlightLayer.setVisible(true);
      document.body.classList.toggle('selecting', mode === 'click');
      schedule(0);
    },
    close() {
      active = false;
      highlightLayer.setVisible(false);
      document.body.classList.remove('selecting');
    },
    /** Adds or removes a clicked house; returns false (with a message) when it cannot be chosen. */
    toggle(feature) {
      const id = feature.get('id');
      if (selected.has(id)) {
        selected.delete(id);
      } else if (feature.get('status') === 'demolished') {
        showMessage('demolishedNotSelectable');
        return false;
      } else if (selected.size >= MaxClickSelection) {
        showMessage('selectionCap', { n: MaxClickSelection });
        return false;
      } else {
        selected.set(id, feature);
      }
      highlight([...selected.keys()]);
      schedule(0);
      return true;
    },
    onFilterChange() {
      if (active && mode === 'filter') schedule(0);
    },
    applyLanguage() {
      fillMethods();
      renderSelection();
      render();
      if (!last && !messageEl.hidden) schedule(0);
    },
  };
}
