// The "density trend" pane: /api/trend for the chosen population method, drawn for the whole area and one zone.
import { labels, locale, paren, t, i18n } from './i18n.js';
import { trendChartSvg } from './trendChart.js';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const statusText = (key, values) => labels[i18n.lang].trendStatus[key].replace(/\{(\w+)\}/g, (m, k) => String(values[k] ?? m));

/** Sentence for one trend row: its status, crossing or falling year, and the annual rate. */
export function describeTrendRow(row, horizonYear) {
  let text;
  if (row.status === 'meets') {
    text = row.falls_below_year != null ? statusText('meetsFalls', { year: row.falls_below_year }) : statusText('meets', {});
  } else if (row.status === 'crosses') {
    text = statusText('crosses', { year: row.crossing_year });
  } else if (row.status === 'not_by_horizon') {
    text = statusText('not_by_horizon', { year: horizonYear });
  } else {
    text = statusText('no_model', {});
  }
  if (row.annual_growth_rate != null && row.status !== 'no_model') {
    const pct = (row.annual_growth_rate * 100).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'always' });
    text += paren(`${t('annualRate')} ${pct}%`);
  }
  return text;
}

export function createTrendPane({ api, methods }) {
  const methodSelect = document.getElementById('tr-method');
  const zoneSelect = document.getElementById('tr-zone');
  const chartEl = document.getElementById('tr-chart');
  const summaryEl = document.getElementById('tr-summary');
  const cache = new Map();
  let current = null;
  let loaded = false;
  let seq = 0;

  async function fetchTrend(method) {
    if (!cache.has(method)) {
      cache.set(method, fetch(api(`api/trend?method=${encodeURIComponent(method)}`)).then(async (r) => {
        const body = await r.json().catch(() => null);
        if (!r.ok) throw new Error(body?.detail ?? `HTTP ${r.status}`);
        return body;
      }));
    }
    try {
      return await cache.get(method);
    } catch (e) {
      cache.delete(method);
      throw e;
    }
  }

  function fillMethods() {
    const chosen = methodSelect.value;
    methodSelect.innerHTML = methods().map((m) => `<option value="${m}">${esc(labels[i18n.lang].methods[m])}</option>`).join('');
    if (chosen) methodSelect.value = chosen;
  }

  function fillZones() {
    const chosen = zoneSelect.value;
    const zones = current?.zones ?? [];
    zoneSelect.innerHTML = `<option value="">${esc(t('noZone'))}</option>`
      + zones.map((z) => `<option value="${esc(z.id)}">${esc(z.name ?? z.id)}</option>`).join('');
    zoneSelect.value = zones.some((z) => z.id === chosen) ? chosen : (zones[0]?.id ?? '');
  }

  function render() {
    if (!current) return;
    const zone = current.zones.find((z) => z.id === zoneSelect.value);
    const series = [{ row: current.total, color: '#1f78b4', label: t('wholeArea') }];
    if (zone) series.push({ row: zone, color: '#e6550d', label: zone.name ?? zone.id });
    chartEl.innerHTML = trendChartSvg(current, series, {
      title: t('chartLabel'), target: t('target'), yearSuffix: t('year'),
    });
    summaryEl.innerHTML = series.map((s) => `<li data-id="${esc(s.row.id)}"><span class="swatch-line" style="background:${s.color}"></span>`
      + `<strong>${esc(s.label)}</strong>: ${esc(describeTrendRow(s.row, current.horizon_year))}</li>`).join('')
      + `<li class="years">${current.first_year}–${current.last_year} ${esc(t('history'))}, ${esc(t('projection'))} → ${current.horizon_year}</li>`;
    document.body.dataset.trendRendered = `${current.method}:${zoneSelect.value}`;
  }

  async function load(method) {
    const mine = ++seq;
    chartEl.setAttribute('aria-busy', 'true');
    try {
      const result = await fetchTrend(method);
      if (mine !== seq) return;
      current = result;
      fillZones();
      render();
    } catch (e) {
      if (mine !== seq) return;
      current = null;
      chartEl.innerHTML = `<p class="error">${esc(t('requestFailed'))}: ${esc(e.message)}</p>`;
      summaryEl.innerHTML = '';
    } finally {
      if (mine === seq) chartEl.removeAttribute('aria-busy');
    }
  }

  /** On first open: the first available method whose whole-area trend has a model (two years or more). */
  async function open() {
    if (loaded) return;
    loaded = true;
    fillMethods();
    const candidates = methods();
    for (const m of candidates) {
      try {
        const result = await fetchTrend(m);
        if (result.total.status !== 'no_model' || m === candidates.at(-1)) {
          methodSelect.value = m;
          break;
        }
      } catch {
        // A method the data cannot support after all: try the next one.
      }
    }
    await load(methodSelect.value);
  }

  methodSelect.addEventListener('change', () => load(methodSelect.value));
  zoneSelect.addEventListener('change', render);

  return {
    open,
    applyLanguage() {
      if (!loaded) return;
      fillMethods();
      const zone = zoneSelect.value;
      fillZones();
      zoneSelect.value = zone;
      render();
    },
  };
}
