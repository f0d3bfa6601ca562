// Transit scenarios in the viewer: a picker of the store's scenarios (GET /api/status → scenarios), which every transit
// request then carries (?scenario=NAME: hub labels, isochrones), and a before/after layer of where the median travel time
// to the central hub changes (GET /api/compare?scenario=NAME&format=geojson), with its legend and counts.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { t, locale } from './i18n.js';

// The classes of the change map, as the PNG of `sousei compare --format png` draws them (CompareUseCase.Theme).
export const changeClasses = [
  { key: 'reachable', color: '#2166ac' },
  { key: 'faster5', color: '#1a9850' },
  { key: 'faster1', color: '#91cf60' },
  { key: 'same', color: '#f0f0f0' },
  { key: 'slower1', color: '#fc8d59' },
  { key: 'slower5', color: '#d73027' },
  { key: 'unreachable', color: '#67001f' },
];

export function changeClass(status, change) {
  if (status === 'reachable' || status === 'unreachable') return status;
  if (status === 'none' || change == null) return null;
  if (change <= -5) return 'faster5';
  if (change <= -1) return 'faster1';
  if (change < 1) return 'same';
  return change < 5 ? 'slower1' : 'slower5';
}

export function createScenarios({ api, map, geojson, escapeHtml, onChange }) {
  const select = document.getElementById('scenario');
  const compareBox = document.getElementById('compare-mode');
  const legend = document.getElementById('compare-legend');
  const summary = document.getElementById('compare-summary');
  const styles = Object.fromEntries(changeClasses.map((c) => [c.key, new Style({ fill: new Fill({ color: c.color + 'cc' }), stroke: new Stroke({ color: 'rgba(255,255,255,0.6)', width: 0.5 }) })]));
  const layer = new VectorLayer({
    source: new VectorSource(),
    style: (f) => styles[changeClass(f.get('status'), f.get('change_minutes'))] ?? null,
    visible: false,
    properties: { key: 'compare' },
  });
  map.getLayers().insertAt(3, layer);
  let scenarios = [];
  let request = 0;

  const current = () => select.value;
  const query = () => (current() ? `scenario=${encodeURIComponent(current())}` : '');

  function renderOptions() {
    const chosen = current();
    select.innerHTML = `<option value="">${escapeHtml(t('published'))}</option>` + scenarios.map((s) =>
      `<option value="${escapeHtml(s.id)}"${s.problem ? ' disabled' : ''}>${escapeHtml(s.name ?? s.id)}${s.problem ? ' ⚠' : ''}</option>`).join('');
    select.value = chosen;
    const s = scenarios.find((x) => x.id === chosen);
    document.getElementById('scenario-description').textContent = s?.description ?? (chosen ? '' : t('publishedNote'));
  }

  function renderLegend(counts) {
    legend.innerHTML = changeClasses.map((c) => `<div class="legend-row"><span class="swatch" style="background:${c.color}"></span>${escapeHtml(t('change_' + c.key))}${counts ? ` <span class="count">${(counts[c.key] ?? 0).toLocaleString(locale())}</span>` : ''}</div>`).join('');
  }

  async function loadCompare() {
    const id = ++request;
    layer.getSource().clear();
    const on = compareBox.checked && current() !== '';
    layer.setVisible(on);
    legend.hidden = !on;
    summary.textContent = '';
    if (!on) {
      document.body.dataset.compareLoaded = String(id);
      return;
    }
    summary.textContent = t('loading');
    let body = null;
    let error = null;
    try {
      const response = await fetch(api(`api/compare?${query()}&format=geojson`));
      body = await response.json().catch(() => null);
      if (!response.ok) error = body?.detail ?? `HTTP ${response.status}`;
    } catch (e) {
      error = e.message;
    }
    if (id !== request) return;
    if (error) {
      summary.textContent = `${t('requestFailed')}: ${error}`;
    } else {
      const features = geojson.readFeatures(body);
      layer.getSource().addFeatures(features);
      const counts = {};
      for (const f of features) {
        const k = changeClass(f.get('status'), f.get('change_minutes'));
        if (k) counts[k] = (counts[k] ?? 0) + 1;
      }
      renderLegend(counts);
      summary.textContent = t('compareSummary').replace('{n}', features.length.toLocaleString(locale()));
    }
    document.body.dataset.compareLoaded = String(id);
    document.body.dataset.compareFeatures = String(layer.getSource().getFeatures().length);
  }

  select.addEventListener('change', () => {
    compareBox.disabled = current() === '';
    renderOptions();
    onChange();
    loadCompare();
  });
  compareBox.addEventListener('change', loadCompare);

  return {
    layer,
    query,
    current,
    setScenarios(list) {
      scenarios = list ?? [];
      document.body.classList.toggle('no-scenarios', scenarios.length === 0);
      compareBox.disabled = current() === '';
      renderOptions();
      renderLegend(null);
    },
    applyLanguage() {
      renderOptions();
      renderLegend(null);
      if (compareBox.checked && current()) loadCompare();
    },
  };
}
