// Sousei.Geo viewer: OpenLayers map of the planning layers and vacant houses, served by the service.
// No external request unless the operator configures an online basemap (/api/status → basemap); without one the
// wards and buildings of the store are drawn faintly as context.
import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import MVT from 'ol/format/MVT.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import Cluster from 'ol/source/Cluster.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { labels, i18n, t, tf, locale } from './i18n.js';
import { createStaff } from './staff.js';
import { createSearch } from './search.js';
import { createWhatIf, filterExpression } from './whatif.js';
import { createTrendPane } from './trend.js';
import { createScenarios } from './scenario.js';

const api = (path) => new URL(path, document.baseURI).toString();
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

// Density classes (persons/ha); 60.7 is the strategy's target.
const densityClasses = [
  [20, '#fff5eb'], [40, '#fdd0a2'], [60.7, '#fd8d3c'], [100, '#d94801'], [Infinity, '#7f2704'],
];
const densityStyles = densityClasses.map(([, color]) => new Style({
  fill: new Fill({ color: color + 'cc' }),
  stroke: new Stroke({ color: 'rgba(255,255,255,0.6)', width: 0.5 }),
}));
const densityStyle = (feature) => {
  const d = feature.get('density_per_ha') ?? 0;
  return densityStyles[densityClasses.findIndex(([upper]) => d < upper)];
};

const densityLayer = new VectorTileLayer({
  source: new VectorTileSource({ format: new MVT(), url: api('tiles/town_blocks/') + '{z}/{x}/{y}.mvt', maxZoom: 16 }),
  style: densityStyle,
  properties: { key: 'density' },
});
const areaLayer = new VectorLayer({
  source: new VectorSource({ url: api('ogc/collections/inducement_area/items'), format: geojson }),
  style: new Style({ stroke: new Stroke({ color: '#1f78b4', width: 2.5 }), fill: new Fill({ color: 'rgba(31,120,180,0.08)' }) }),
  properties: { key: 'area' },
});
const zoneLayer = new VectorLayer({
  source: new VectorSource({ url: api('ogc/collections/zones/items?limit=1000'), format: geojson }),
  style: (f) => new Style({
    stroke: new Stroke({ color: '#555577', width: 1.2, lineDash: [4, 4] }),
    text: new Text({ text: f.get('name'), font: '12px sans-serif', fill: new Fill({ color: '#333' }), overflow: true }),
  }),
  visible: false,
  properties: { key: 'zones' },
});
// Context when there is no basemap: ward outlines and names, and buildings from zoom 15, faint and under the data.
const wardStyle = (f) => (f.get('kind') !== 'ward' ? null : new Style({
  stroke: new Stroke({ color: 'rgba(60,60,80,0.55)', width: 1.5 }),
  text: new Text({ text: f.get('name'), font: '13px sans-serif', fill: new Fill({ color: 'rgba(40,40,60,0.75)' }), stroke: new Stroke({ color: 'rgba(255,255,255,0.8)', width: 3 }), overflow: true }),
}));
const wardLayer = new VectorLayer({ source: zoneLayer.getSource(), style: wardStyle, visible: false, properties: { key: 'wards' }, zIndex: -1 });
const buildingStyle = new Style({ fill: new Fill({ color: 'rgba(120,120,130,0.25)' }), stroke: new Stroke({ color: 'rgba(100,100,110,0.35)', width: 0.5 }) });
const buildingsLayer = new VectorTileLayer({
  source: new VectorTileSource({ format: new MVT(), url: api('tiles/buildings/') + '{z}/{x}/{y}.mvt', minZoom: 14, maxZoom: 16 }),
  style: buildingStyle, minZoom: 15, visible: false, properties: { key: 'buildings' }, zIndex: -1,
});
const hubLayer = new VectorLayer({
  source: new VectorSource({ url: api('api/hubs'), format: geojson }),
  style: (f) => {
    const minutes = f.get('minutes_to_central');
    const label = f.get('name') + (minutes != null && f.get('kind') !== 'central' ? ` ${minutes} ${t('minutes')}` : '');
    return new Style({
      image: new Circle({ radius: f.get('kind') === 'central' ? 9 : 6, fill: new Fill({ color: '#6a3d9a' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: label, offsetY: -16, font: 'bold 12px sans-serif', fill: new Fill({ color: '#2d1a45' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
    });
  },
  properties: { key: 'hubs' },
  // Hub names stay readable above the vacant-house clusters.
  zIndex: 20,
});
const stopLayer = new VectorLayer({
  source: new VectorSource({ format: geojson }),
  style: (f) => {
    const n = f.get('departures_per_day') ?? 0;
    return new Style({ image: new Circle({ radius: 2 + Math.min(8, Math.sqrt(n) / 2), fill: new Fill({ color: f.get('frequent') ? '#33a02c' : '#b2df8a' }), stroke: new Stroke({ color: '#fff', width: 1 }) }) });
  },
  visible: false,
  properties: { key: 'stops' },
});
const bandColors = [[15, 'rgba(0,104,55,0.45)'], [30, 'rgba(49,163,84,0.4)'], [45, 'rgba(173,221,142,0.4)'], [Infinity, 'rgba(255,255,204,0.4)']];
const isochroneLayer = new VectorLayer({
  source: new VectorSource({ format: geojson }),
  style: (f) => {
    const band = f.get('band');
    if (band == null) return null;
    return new Style({ fill: new Fill({ color: bandColors.find(([upper]) => band <= upper)[1] }) });
  },
  properties: { key: 'isochrone' },
});

const vacantSource = new VectorSource({ format: geojson });
const clusterSource = new Cluster({ distance: 36, minDistance: 8, source: vacantSource, geometryFunction: (f) => {
  const g = f.getGeometry();
  return g.getType() === 'Point' ? g : g.getInteriorPoint?.() ?? null;
} });
const rankColor = { high: '#e31a1c', medium: '#fd8d3c', low: '#fecc5c' };
const styleCache = {};
const vacantLayer = new VectorLayer({
  source: clusterSource,
  style: (cluster) => {
    const members = cluster.get('features');
    const size = members.length;
    if (size === 1) {
      const rank = members[0].get('decay_rank') ?? 'none';
      return styleCache[rank] ??= new Style({ image: new Circle({ radius: 6, fill: new Fill({ color: rankColor[rank] ?? '#999' }), stroke: new Stroke({ color: '#7a0000', width: 1.2 }) }) });
    }
    return styleCache['c' + size] ??= new Style({
      image: new Circle({ radius: Math.min(22, 9 + Math.log2(size) * 2.5), fill: new Fill({ color: 'rgba(227,26,28,0.8)' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: String(size), font: 'bold 12px sans-serif', fill: new Fill({ color: '#fff' }) }),
    });
  },
  properties: { key: 'vacant' },
  zIndex: 10,
});

const popupEl = document.getElementById('popup');
const popup = new Overlay({ element: popupEl, autoPan: { animation: { duration: 200 } }, positioning: 'bottom-center', offset: [0, -12] });
popupEl.querySelector('.popup-close').addEventListener('click', () => popup.setPosition(undefined));

const map = new Map({
  target: 'map',
  layers: [wardLayer, buildingsLayer, densityLayer, areaLayer, zoneLayer, isochroneLayer, stopLayer, hubLayer, vacantLayer],
  overlays: [popup],
  // The basemap's terms ask for its credit on the map: the attribution stays open.
  controls: defaultControls({ attributionOptions: { collapsible: false, collapsed: false } }).extend([new ScaleLine()]),
  view: new View({ center: fromLonLat([130.7079, 32.8032]), zoom: 12, maxZoom: 20 }),
});
map.getView().on('change:resolution', () => clusterSource.setDistance(map.getView().getZoom() >= 17 ? 0 : 36));

const layerByKey = Object.fromEntries(map.getLayers().getArray().filter((l) => l.get('key')).map((l) => [l.get('key'), l]));
document.querySelectorAll('input[data-layer]').forEach((input) => {
  input.addEventListener('change', () => {
    layerByKey[input.dataset.layer].setVisible(input.checked);
    renderLegend();
    saveState();
  });
});

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// The chosen scenario goes with every transit request: hub times, isochrones, the before/after layer.
let lastIsochrone = null;
const withScenario = (path) => {
  const q = scenarios.query();
  return q ? path + (path.includes('?') ? '&' : '?') + q : path;
};
// The walk to the first stop the viewer asks for (the service's default), so that its message can name it.
const accessRadiusMeters = 800;
const mapMessage = document.getElementById('map-message');
function showMapMessage(text) {
  mapMessage.textContent = text ?? '';
  mapMessage.hidden = !text;
}
/** The words of a ProblemDetails answer: the viewer's own for the codes it knows in Japanese, else the service's detail. */
async function problemText(response, fallbackKey) {
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON: the fallback below */ }
  if (problem.code === 'data.no_stop_nearby' && i18n.lang === 'ja') return tf('noStopNearby', { m: accessRadiusMeters });
  return problem.detail || problem.title || t(fallbackKey);
}
async function loadIsochrone(lon, lat) {
  lastIsochrone = [lon, lat];
  const response = await fetch(api(withScenario(`api/isochrones?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}&access_radius=${accessRadiusMeters}`)));
  isochroneLayer.getSource().clear();
  if (response.ok) {
    showMapMessage(null);
    isochroneLayer.getSource().addFeatures(geojson.readFeatures(await response.json()));
  } else {
    showMapMessage(await problemText(response, 'requestFailed'));
  }
  renderLegend();
}
const scenarios = createScenarios({
  api, map, geojson, escapeHtml,
  onChange: () => {
    hubLayer.getSource().setUrl(api(withScenario('api/hubs')));
    hubLayer.getSource().refresh();
    if (lastIsochrone && document.getElementById('isochrone-mode').checked) loadIsochrone(...lastIsochrone);
  },
});
const shownFields = ['id', 'vacancy_likelihood', 'decay_rank', 'built_year', 'structure', 'floor_area_m2', 'land_area_m2',
  'frontage_road_width_m', 'survey_date', 'status', 'inside_inducement_area', 'zone', 'nearest_hub',
  'distance_to_nearest_hub_m', 'distance_to_frequent_stop_m'];
const zoneName = (id) => (status.zones ?? []).find((z) => z.id === id)?.name ?? id;
const hubName = (id) => hubLayer.getSource().getFeatures().find((h) => h.get('id') === id)?.get('name') ?? id;
function formatValue(key, value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (key === 'decay_rank' || key === 'vacancy_likelihood') return t(value);
  if (key === 'status') return labels[i18n.lang].vacantStatus[value] ?? value;
  if (key === 'structure') return labels[i18n.lang].structures[value] ?? value;
  if (key === 'zone') return zoneName(value);
  if (key === 'nearest_hub') return hubName(value);
  if (key === 'survey_date') return new Date(value + 'T00:00:00').toLocaleDateString(locale(), { year: 'numeric', month: 'long', day: 'numeric' });
  if (key.endsWith('_m2')) return `${Number(value).toLocaleString(locale())} m²`;
  if (key.endsWith('_m')) return `${Number(value).toLocaleString(locale(), { maximumFractionDigits: 1 })} m`;
  return value;
}
const unitless = (key) => t(key).replace(/\s*\((m|m²)\)$/, '');
function showVacant(feature, coordinate) {
  const fields = [...shownFields, ...['owner_name', 'owner_contact'].filter((k) => feature.get(k) != null)];
  const rows = fields.map((k) => `<tr><th>${escapeHtml(unitless(k))}</th><td>${escapeHtml(formatValue(k, feature.get(k)))}</td></tr>`).join('');
  popupEl.querySelector('.popup-content').innerHTML = `<h3>${escapeHtml(t('vacant'))} ${escapeHtml(feature.getId() ?? feature.get('id'))}</h3><table>${rows}</table>`;
  popupEl.dataset.featureId = feature.get('id');
  popup.setPosition(coordinate);
}

map.on('singleclick', async (event) => {
  if (document.getElementById('isochrone-mode').checked) {
    const [lon, lat] = toLonLat(event.coordinate);
    await loadIsochrone(lon, lat);
    return;
  }
  const hit = map.forEachFeatureAtPixel(event.pixel, (f, layer) => (layer === vacantLayer ? f : undefined), { hitTolerance: 4 });
  if (!hit) {
    popup.setPosition(undefined);
    return;
  }
  const members = hit.get('features');
  if (members.length === 1 && whatIf.selecting()) {
    popup.setPosition(undefined);
    whatIf.toggle(members[0]);
  } else if (members.length === 1) {
    showVacant(members[0], event.coordinate);
  } else {
    const extent = members.reduce((e, f) => {
      const c = f.getGeometry().getExtent();
      return [Math.min(e[0], c[0]), Math.min(e[1], c[1]), Math.max(e[2], c[2]), Math.max(e[3], c[3])];
    }, [Infinity, Infinity, -Infinity, -Infinity]);
    map.getView().fit(extent, { padding: [80, 80, 80, 80], maxZoom: 18, duration: 250 });
  }
});

function filterQuery() {
  const q = new URLSearchParams();
  const inside = document.getElementById('f-inside').value;
  if (inside) q.set('inside', inside);
  const zone = document.getElementById('f-zone').value;
  if (zone) q.set('zone', zone);
  const group = (name, key) => {
    const all = document.querySelectorAll(`input[name=${name}]`);
    const on = [...all].filter((i) => i.checked).map((i) => i.value);
    if (on.length < all.length) q.set(key, on.length ? on.join(',') : 'none');
  };
  group('decay', 'decay_rank');
  group('likelihood', 'vacancy_likelihood');
  group('status', 'status');
  for (const [id, key] of [['f-built-min', 'min_built_year'], ['f-built-max', 'max_built_year'], ['f-floor-min', 'min_floor_area_m2'], ['f-floor-max', 'max_floor_area_m2']]) {
    const v = document.getElementById(id).value;
    if (v !== '') q.set(key, v);
  }
  const hub = document.getElementById('f-hub').value;
  if (hub !== '') q.set('max_hub_distance_m', hub);
  const stop = document.getElementById('f-stop').value;
  if (stop !== '' && status.transit) q.set('max_frequent_stop_distance_m', stop);
  return q;
}

let loadSeq = 0;
let allVacantById = new globalThis.Map();
async function loadVacant() {
  const seq = ++loadSeq;
  const q = filterQuery();
  const countEl = document.getElementById('vacant-count');
  const download = document.getElementById('download');
  saveState();
  if ([...q.values()].includes('none')) {
    vacantSource.clear();
    countEl.textContent = '0';
    download.removeAttribute('href');
    document.body.dataset.vacantLoaded = String(seq);
    whatIf.onFilterChange();
    return;
  }
  // The export takes the one filter language of the ranking and the what-if (docs/analysis.md).
  const expr = filterExpression(q);
  const url = api('api/export/vacant_houses.geojson' + (expr ? '?filter=' + encodeURIComponent(expr) : ''));
  download.href = url;
  const response = await fetch(url, { headers: staff.headers() });
  if (seq !== loadSeq) return;
  if (!response.ok) {
    countEl.textContent = '!';
    showMapMessage(await problemText(response, 'requestFailed'));
    return;
  }
  const features = geojson.readFeatures(await response.json());
  if (q.toString() === '') allVacantById = new globalThis.Map(features.map((f) => [f.get('id'), f]));
  else features.forEach((f) => allVacantById.set(f.get('id'), f));
  searchIndex = null;
  vacantSource.clear();
  vacantSource.addFeatures(features);
  popup.setPosition(undefined);
  countEl.textContent = features.length.toLocaleString(locale());
  document.body.dataset.vacantCount = String(features.length);
  document.body.dataset.vacantLoaded = String(seq);
  whatIf.onFilterChange();
}

document.querySelector('.filters').addEventListener('change', loadVacant);

const densityTitle = () => t(status.population_units === 'mesh' ? 'densityMesh' : 'density');
const row = (swatch, text) => `<div class="legend-row">${swatch}<span>${escapeHtml(text)}</span></div>`;
const box = (css) => `<span class="swatch" style="${css}"></span>`;
const dot = (color, size = 12) => `<span class="swatch dot" style="background:${color};width:${size}px;height:${size}px"></span>`;
/** One legend block per visible layer, in the order they are drawn from the top. */
function renderLegend() {
  const blocks = [];
  const block = (key, title, rows) => blocks.push(`<div class="legend-block" data-legend="${key}"><h3>${escapeHtml(title)}</h3>${rows.join('')}</div>`);
  const on = (key) => layerByKey[key]?.getVisible();
  if (on('vacant')) {
    block('vacant', t('vacant'), [...['high', 'medium', 'low'].map((r) => row(dot(rankColor[r]), `${t('decay')} ${t(r)}`)), row(dot('rgba(227,26,28,0.8)', 16), t('cluster'))]);
  }
  if (on('hubs')) block('hubs', t('hubs'), [row(dot('#6a3d9a', 16), t('hubCentral')), row(dot('#6a3d9a', 12), t('hubRegional'))]);
  if (on('stops')) block('stops', t('stops'), [row(dot('#33a02c'), t('frequentStop')), row(dot('#b2df8a'), t('otherStop'))]);
  if (isochroneLayer.getSource().getFeatures().length > 0) {
    let previous = 0;
    block('isochrone', t('isochroneBands'), bandColors.map(([upper, color]) => {
      const text = upper === Infinity ? `> ${previous} ${t('minutes')}` : tf('isochroneBand', { m: upper });
      previous = upper;
      return row(box(`background:${color}`), text);
    }));
  }
  if (on('zones')) block('zones', t('zones'), [row(box('border:1.5px dashed #555577;background:none'), t('zones'))]);
  if (on('area')) block('area', t('area'), [row(box('border:2.5px solid #1f78b4;background:rgba(31,120,180,0.08)'), t('area'))]);
  if (on('density')) {
    let previous = '0';
    block('density', `${densityTitle()} (${t('personsPerHa')})`, densityClasses.map(([upper, color]) => {
      const label = upper === Infinity ? `≥ ${previous}` : `${previous}–${upper}`;
      previous = String(upper);
      return row(box(`background:${color}`), `${label} ${t('personsPerHa')}`);
    }));
  }
  if (on('wards')) block('wards', t('wardOutline'), [row(box('border:1.5px solid rgba(60,60,80,0.55);background:none'), t('wardOutline')), row(box('background:rgba(120,120,130,0.25)'), t('buildingsFaint'))]);
  if (basemapLayer) block('basemap', t('basemap'), [row('', status.basemap.attribution.replace(/<[^>]*>/g, ''))]);
  document.getElementById('legend-items').innerHTML = blocks.join('');
}

// What the store says about itself (GET /api/status → metadata, from its store.json): title, synthetic flag, credits.
function renderStoreMeta() {
  const m = status.metadata ?? {};
  const el = document.getElementById('store-meta');
  const parts = [];
  if (m.title) parts.push(`<strong>${escapeHtml(m.title)}</strong>`);
  if (m.synthetic === true) parts.push(`<span class="synthetic">${escapeHtml(t('synthetic'))}</span>`);
  if ((m.sources ?? []).length > 0) {
    const credits = [...new Set(m.sources.map((s) => s.credit + (s.licence ? ` (${s.licence})` : '')))];
    parts.push(`${escapeHtml(t('credits'))}: ${credits.map(escapeHtml).join(' / ')}`);
  } else if (!m.title) {
    parts.push(escapeHtml(t('noMetadata')));
  }
  el.innerHTML = parts.join('<br>');
}

function applyLanguage() {
  document.documentElement.lang = i18n.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  document.getElementById('lang').textContent = t('toggle');
  document.title = t('title');
  document.getElementById('density-label').textContent = densityTitle();
  renderLegend();
  staff.render();
  hubLayer.changed();
  document.getElementById('vacant-count').textContent = (vacantSource.getFeatures().length).toLocaleString(locale());
  renderStoreMeta();
  document.querySelectorAll('[data-status-label]').forEach((el) => { el.textContent = labels[i18n.lang].vacantStatus[el.dataset.statusLabel]; });
  whatIf.applyLanguage();
  trendPane.applyLanguage();
  scenarios.applyLanguage();
}
document.getElementById('lang').addEventListener('click', () => {
  i18n.lang = i18n.lang === 'ja' ? 'en' : 'ja';
  applyLanguage();
});

// Population methods the data supports, in the service's default order (DensityAnalysis.AvailableMethods).
const availableMethods = () => {
  const c = status.counts ?? {};
  return [c.households > 0 && 'households', c.town_blocks > 0 && 'blocks', c.town_blocks > 0 && c.buildings > 0 && 'buildings'].filter(Boolean);
};
const whatIf = createWhatIf({
  api, map, filterQuery, methods: availableMethods,
  featureById: (id) => allVacantById.get(id) ?? vacantSource.getFeatures().find((f) => f.get('id') === id),
  totalHouses: () => status.counts?.vacant_houses ?? 0,
});
const trendPane = createTrendPane({ api, methods: availableMethods });

const tabs = [...document.querySelectorAll('[role=tab]')];
function selectTab(tab) {
  for (const other of tabs) {
    const on = other === tab;
    other.setAttribute('aria-selected', String(on));
    other.tabIndex = on ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !on;
  }
  document.getElementById('panel').dataset.pane = tab.id.replace('tab-', '');
  if (tab.id === 'tab-whatif') whatIf.open(); else whatIf.close();
  if (tab.id === 'tab-trend') trendPane.open();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const next = tabs[(i + step + tabs.length) % tabs.length];
    selectTab(next);
    next.focus();
  });
});

const panel = document.getElementById('panel');
document.getElementById('panel-toggle').addEventListener('click', (e) => {
  const open = panel.classList.toggle('closed') === false;
  e.currentTarget.setAttribute('aria-expanded', String(open));
});

// The view, the visible layers and the filters live in the URL's hash (c=lon,lat&z=zoom&l=layers&f=filter query), so a
// link restores them. The staff key never goes there.
let restoring = true;
function saveState() {
  if (restoring) return;
  const view = map.getView();
  const [lon, lat] = toLonLat(view.getCenter());
  const h = new URLSearchParams();
  h.set('c', `${lon.toFixed(5)},${lat.toFixed(5)}`);
  h.set('z', view.getZoom().toFixed(2));
  h.set('l', [...document.querySelectorAll('input[data-layer]:checked')].map((i) => i.dataset.layer).join(','));
  const f = filterQuery().toString();
  if (f) h.set('f', f);
  history.replaceState(null, '', '#' + h.toString());
}
function restoreState() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.has('l')) {
    const on = new Set(h.get('l').split(',').filter(Boolean));
    document.querySelectorAll('input[data-layer]').forEach((i) => {
      i.checked = on.has(i.dataset.layer);
      layerByKey[i.dataset.layer].setVisible(i.checked);
    });
  }
  if (h.has('f')) {
    const f = new URLSearchParams(h.get('f'));
    document.getElementById('f-inside').value = f.get('inside') ?? '';
    document.getElementById('f-zone').value = f.get('zone') ?? '';
    for (const [name, key] of [['decay', 'decay_rank'], ['likelihood', 'vacancy_likelihood'], ['status', 'status']]) {
      const values = f.has(key) ? new Set(f.get(key).split(',')) : null;
      document.querySelectorAll(`input[name=${name}]`).forEach((i) => { i.checked = values === null || values.has(i.value); });
    }
    for (const [id, key] of [['f-built-min', 'min_built_year'], ['f-built-max', 'max_built_year'], ['f-floor-min', 'min_floor_area_m2'],
      ['f-floor-max', 'max_floor_area_m2'], ['f-hub', 'max_hub_distance_m'], ['f-stop', 'max_frequent_stop_distance_m']]) {
      document.getElementById(id).value = f.get(key) ?? '';
    }
  }
  const c = (h.get('c') ?? '').split(',').map(Number);
  const z = Number(h.get('z'));
  if (c.length === 2 && c.every(Number.isFinite) && Number.isFinite(z) && h.has('z')) {
    map.getView().setCenter(fromLonLat(c));
    map.getView().setZoom(z);
    return true;
  }
  return false;
}
map.on('moveend', saveState);

// "Save this view as PNG": the service's map renderer with the current extent, layers, size and language.
const pngLayers = { density: 'town_blocks', area: 'inducement_area', zones: 'zones', hubs: 'hubs', stops: 'transit_stops', vacant: 'vacant_houses' };
function mapPngUrl() {
  const [w, h] = map.getSize();
  const bbox = transformExtent(map.getView().calculateExtent(), 'EPSG:3857', 'EPSG:4326').map((v) => v.toFixed(6)).join(',');
  const layers = Object.entries(pngLayers).filter(([k]) => layerByKey[k].getVisible()).map(([, v]) => v);
  if (buildingsLayer.getVisible() && map.getView().getZoom() >= 15) layers.push('buildings');
  const clamp = (v) => Math.max(64, Math.min(4000, Math.round(v)));
  return api(`api/map.png?layers=${layers.join(',')}&bbox=${bbox}&width=${clamp(w)}&height=${clamp(h)}&lang=${i18n.lang}`);
}
document.getElementById('save-png').addEventListener('click', async () => {
  const response = await fetch(mapPngUrl());
  if (!response.ok) {
    showMapMessage(await problemText(response, 'pngFailed'));
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'sousei-map.png';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});

// The basemap: raster XYZ tiles (png, jpg, webp) or vector tiles (mvt) drawn with the default style below, absolute or
// relative to the service (an offline file is served at basemap/{z}/{x}/{y}).
let basemapLayer = null;
let basemapTilesLoaded = 0;
const absoluteTemplate = (url) => new URL(url.replace(/\{/g, '%7B').replace(/\}/g, '%7D'), document.baseURI).toString().replace(/%7B/g, '{').replace(/%7D/g, '}');

// The default style of a vector basemap (docs/api.md, "Vector basemap style"): by the source layer's name, as the common
// schemas (OpenMapTiles, Protomaps, Shortbread) call them; any other layer draws as neutral grey.
const basemapStyles = {
  water: new Style({ fill: new Fill({ color: '#c6dcea' }), stroke: new Stroke({ color: '#a9c8dc', width: 1 }) }),
  green: new Style({ fill: new Fill({ color: '#e4eedb' }) }),
  land: new Style({ fill: new Fill({ color: '#f1efe9' }) }),
  building: new Style({ fill: new Fill({ color: '#ddd6ce' }), stroke: new Stroke({ color: '#cbc2b8', width: 0.5 }) }),
  road: new Style({ stroke: new Stroke({ color: '#ffffff', width: 2.5 }) }),
  roadCasing: new Style({ stroke: new Stroke({ color: '#c9c4bc', width: 4 }), zIndex: -1 }),
  rail: new Style({ stroke: new Stroke({ color: '#9a9a9a', width: 1.5, lineDash: [6, 4] }) }),
  boundary: new Style({ stroke: new Stroke({ color: '#9b8fb0', width: 1, lineDash: [4, 3] }) }),
  polygon: new Style({ fill: new Fill({ color: 'rgba(200, 200, 200, 0.35)' }), stroke: new Stroke({ color: '#c4c4c4', width: 0.5 }) }),
  line: new Style({ stroke: new Stroke({ color: '#b5b5b5', width: 1 }) }),
  point: new Style({ image: new Circle({ radius: 2, fill: new Fill({ color: '#9a9a9a' }) }) }),
};
function basemapStyle(feature) {
  const layer = String(feature.get('layer') ?? '').toLowerCase();
  const type = feature.getGeometry()?.getType() ?? '';
  const kind = String(feature.get('class') ?? feature.get('kind') ?? '').toLowerCase();
  if (/water|ocean|river|lake/.test(layer) || /water|river|lake/.test(kind)) return basemapStyles.water;
  if (/park|wood|forest|grass|green|natural|landcover/.test(layer + ' ' + kind)) return basemapStyles.green;
  if (/building/.test(layer)) return basemapStyles.building;
  if (/rail/.test(layer + ' ' + kind)) return basemapStyles.rail;
  if (/road|transportation|highway|street/.test(layer)) return [basemapStyles.roadCasing, basemapStyles.road];
  if (/boundar|admin/.test(layer)) return basemapStyles.boundary;
  if (/landuse|earth|land/.test(layer)) return basemapStyles.land;
  if (/place|poi|label/.test(layer)) {
    const name = feature.get('name:ja') ?? feature.get('name');
    return name ? new Style({ text: new Text({ text: String(name), font: '11px sans-serif', fill: new Fill({ color: '#555555' }), stroke: new Stroke({ color: '#ffffff', width: 3 }) }) }) : null;
  }
  return type.includes('Polygon') ? basemapStyles.polygon : type.includes('Line') ? basemapStyles.line : basemapStyles.point;
}

function addBasemap(b) {
  if (!b) return false;
  const common = { url: absoluteTemplate(b.url), attributions: b.attribution, attributionsCollapsible: false, minZoom: b.minzoom ?? 0, maxZoom: b.maxzoom ?? 18 };
  if (b.format === 'mvt') {
    const source = new VectorTileSource({ ...common, format: new MVT() });
    source.on('tileloadend', () => { basemapTilesLoaded++; });
    basemapLayer = new VectorTileLayer({ source, style: basemapStyle, declutter: true, properties: { key: 'basemap' }, zIndex: -2 });
  } else if (['png', 'jpg', 'jpeg', 'webp'].includes(b.format)) {
    const source = new XYZ({ ...common, crossOrigin: null });
    source.on('tileloadend', () => { basemapTilesLoaded++; });
    basemapLayer = new TileLayer({ source, properties: { key: 'basemap' }, zIndex: -2 });
  } else {
    return false;
  }

  map.addLayer(basemapLayer);
  return true;
}

// Search: survey ids, population units, zones, hubs and stops.
const highlightLayer = new VectorLayer({
  source: new VectorSource(),
  style: [new Style({ stroke: new Stroke({ color: '#ffffff', width: 6 }), image: new Circle({ radius: 14, stroke: new Stroke({ color: '#ffffff', width: 6 }) }) }),
    new Style({ stroke: new Stroke({ color: '#d6006f', width: 3 }), image: new Circle({ radius: 14, stroke: new Stroke({ color: '#d6006f', width: 3 }) }) })],
  zIndex: 30,
});
map.addLayer(highlightLayer);
let searchIndex = null;
async function searchCandidates() {
  if (searchIndex) return searchIndex;
  const read = async (path) => {
    const r = await fetch(api(path));
    return r.ok ? geojson.readFeatures(await r.json()) : [];
  };
  const [blocks, zones, stops] = await Promise.all([
    (status.counts?.town_blocks ?? 0) > 0 ? read(`ogc/collections/town_blocks/items?limit=10000&year=${status.town_block_year}`) : [],
    read('ogc/collections/zones/items?limit=1000'),
    status.transit ? read('ogc/collections/transit_stops/items?limit=10000') : [],
  ]);
  const unitKind = status.population_units === 'mesh' ? 'mesh' : 'block';
  searchIndex = [
    ...[...new globalThis.Map([...allVacantById, ...vacantSource.getFeatures().map((f) => [f.get('id'), f])]).values()]
      .map((f) => ({ kind: 'vacant', id: f.get('id'), name: f.get('id'), feature: f })),
    ...blocks.map((f) => ({ kind: unitKind, id: f.get('code'), name: f.get('name'), feature: f })),
    ...zones.map((f) => ({ kind: ['ward', 'hub_area'].includes(f.get('kind')) ? f.get('kind') : 'zone', id: f.get('id'), name: f.get('name'), feature: f })),
    ...hubLayer.getSource().getFeatures().map((f) => ({ kind: 'hub', id: f.get('id'), name: f.get('name'), feature: f })),
    ...stops.map((f) => ({ kind: 'stop', id: f.get('stop_id') ?? f.getId(), name: f.get('name'), feature: f })),
  ];
  return searchIndex;
}
function showFound(r) {
  const source = highlightLayer.getSource();
  source.clear();
  const f = r.feature.clone();
  source.addFeature(f);
  document.body.dataset.found = `${r.kind}:${r.id}`;
  const extent = f.getGeometry().getExtent();
  map.getView().fit(extent, { padding: [60, 60, 60, 60], maxZoom: r.kind === 'vacant' || r.kind === 'stop' || r.kind === 'hub' ? 17 : 16, duration: 0 });
  if (r.kind === 'vacant') showVacant(r.feature, f.getGeometry().getType() === 'Point' ? f.getGeometry().getCoordinates() : f.getGeometry().getInteriorPoint().getCoordinates());
}
createSearch({ candidates: searchCandidates, show: showFound });
const staff = createStaff({ api, onChange: () => { allVacantById = new globalThis.Map(); searchIndex = null; loadVacant(); } });

let status = { transit: false };
async function start() {
  status = await (await fetch(api('api/status'))).json();
  document.body.classList.toggle('no-transit', !status.transit);
  renderStoreMeta();
  const zoneSelect = document.getElementById('f-zone');
  for (const z of status.zones ?? []) zoneSelect.add(new Option(`${z.name} (${t('kind_' + (['ward', 'hub_area'].includes(z.kind) ? z.kind : 'zone'))})`, z.id));
  const statusBox = document.getElementById('f-status');
  for (const s of ['vacant', 'listed', 'under_repair', 'specified', 'demolished']) {
    const label = document.createElement('label');
    label.innerHTML = `<input type="checkbox" name="status" value="${s}" checked> <span data-status-label="${s}">${escapeHtml(labels[i18n.lang].vacantStatus[s])}</span>`;
    statusBox.append(label);
  }
  const hasBasemap = addBasemap(status.basemap);
  document.body.dataset.basemap = hasBasemap ? 'true' : 'false';
  wardLayer.setVisible(!hasBasemap);
  buildingsLayer.setVisible(!hasBasemap && (status.counts?.buildings ?? 0) > 0);
  document.getElementById('density-label').textContent = densityTitle();
  renderLegend();
  if (status.transit) {
    stopLayer.getSource().setUrl(api('ogc/collections/transit_stops/items?limit=10000'));
    stopLayer.getSource().refresh();
  }
  scenarios.setScenarios(status.scenarios);
  const [minLon, minLat, maxLon, maxLat] = status.extent;
  const restored = restoreState();
  if (!restored && Number.isFinite(minLon)) {
    map.getView().fit(transformExtent([minLon, minLat, maxLon, maxLat], 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  }
  renderLegend();
  restoring = false;
  await loadVacant();
  document.body.dataset.ready = 'true';
}

// Hooks for the headless-browser test and for scripting from the console.
window.souseiViewer = {
  map,
  basemapTilesLoaded: () => basemapTilesLoaded,
  basemapFeatures: () => (basemapLayer && basemapLayer.getFeaturesInExtent ? basemapLayer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize())).length : 0),
  vacantSource,
  highlightSource: whatIf.highlightSource,
  compareSource: scenarios.layer.getSource(),
  hubSource: hubLayer.getSource(),
  isochroneSource: isochroneLayer.getSource(),
  layerByKey,
  mapPngUrl,
  pixelOfLonLat: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
  centerOn(lon, lat, zoom) {
    map.getView().setCenter(fromLonLat([lon, lat]));
    map.getView().setZoom(zoom);
    map.renderSync();
  },
  pixelOf(id) {
    const f = vacantSource.getFeatures().find((x) => x.get('id') === id);
    if (!f) return null;
    const g = f.getGeometry();
    const c = g.getType() === 'Point' ? g.getCoordinates() : g.getInteriorPoint().getCoordinates();
    return map.getPixelFromCoordinate(c);
  },
  zoomTo(id, zoom = 18) {
    const f = vacantSource.getFeatures().find((x) => x.get('id') === id);
    const g = f.getGeometry();
    map.getView().setCenter(g.getType() === 'Point' ? g.getCoordinates() : g.getInteriorPoint().getCoordinates());
    map.getView().setZoom(zoom);
    // Resolves once the new view is drawn (hit detection then sees the features), so callers need not guess a delay.
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 15000);
      map.once('rendercomplete', () => { clearTimeout(timer); resolve(true); });
      map.render();
    });
  },
};

start().catch((e) => {
  console.error('viewer failed to start', e);
});
