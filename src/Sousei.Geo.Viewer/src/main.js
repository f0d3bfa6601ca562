// Sousei.Geo viewer: OpenLayers map of the planning layers and vacant houses, served by the service.
// No basemap and no external requests: every layer comes from the service itself.
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
import Cluster from 'ol/source/Cluster.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { labels, i18n, t, locale } from './i18n.js';
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
const isochroneLayer = new VectorLayer({
  source: new VectorSource({ format: geojson }),
  style: (f) => {
    const band = f.get('band');
    const color = band <= 15 ? 'rgba(0,104,55,0.45)' : band <= 30 ? 'rgba(49,163,84,0.4)' : band <= 45 ? 'rgba(173,221,142,0.4)' : 'rgba(255,255,204,0.4)';
    return new Style({ fill: new Fill({ color }) });
  },
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
  layers: [densityLayer, areaLayer, zoneLayer, isochroneLayer, stopLayer, hubLayer, vacantLayer],
  overlays: [popup],
  controls: defaultControls().extend([new ScaleLine()]),
  view: new View({ center: fromLonLat([130.7079, 32.8032]), zoom: 12, maxZoom: 20 }),
});
map.getView().on('change:resolution', () => clusterSource.setDistance(map.getView().getZoom() >= 17 ? 0 : 36));

const layerByKey = Object.fromEntries(map.getLayers().getArray().filter((l) => l.get('key')).map((l) => [l.get('key'), l]));
document.querySelectorAll('input[data-layer]').forEach((input) => {
  input.addEventListener('change', () => layerByKey[input.dataset.layer].setVisible(input.checked));
});

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// The chosen scenario goes with every transit request: hub times, isochrones, the before/after layer.
let lastIsochrone = null;
const withScenario = (path) => {
  const q = scenarios.query();
  return q ? path + (path.includes('?') ? '&' : '?') + q : path;
};
async function loadIsochrone(lon, lat) {
  lastIsochrone = [lon, lat];
  const response = await fetch(api(withScenario(`api/isochrones?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}`)));
  isochroneLayer.getSource().clear();
  if (response.ok) isochroneLayer.getSource().addFeatures(geojson.readFeatures(await response.json()));
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
function formatValue(key, value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (key === 'decay_rank' || key === 'vacancy_likelihood') return t(value);
  if (key === 'status') return labels[i18n.lang].vacantStatus[value] ?? value;
  return value;
}
function showVacant(feature, coordinate) {
  const rows = shownFields.map((k) => `<tr><th>${escapeHtml(t(k))}</th><td>${escapeHtml(formatValue(k, feature.get(k)))}</td></tr>`).join('');
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
  const ranks = [...document.querySelectorAll('input[name=decay]:checked')].map((i) => i.value);
  if (ranks.length < 3) q.set('decay_rank', ranks.length ? ranks.join(',') : 'none');
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
  if (q.get('decay_rank') === 'none') {
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
  const response = await fetch(url);
  if (seq !== loadSeq) return;
  if (!response.ok) {
    countEl.textContent = '!';
    return;
  }
  const features = geojson.readFeatures(await response.json());
  if (q.toString() === '') allVacantById = new globalThis.Map(features.map((f) => [f.get('id'), f]));
  vacantSource.clear();
  vacantSource.addFeatures(features);
  popup.setPosition(undefined);
  countEl.textContent = features.length.toLocaleString(locale());
  document.body.dataset.vacantCount = String(features.length);
  document.body.dataset.vacantLoaded = String(seq);
  whatIf.onFilterChange();
}

document.querySelectorAll('.filters input, .filters select').forEach((el) => el.addEventListener('change', loadVacant));

function renderLegend() {
  let previous = '0';
  document.getElementById('legend-items').innerHTML = densityClasses.map(([upper, color]) => {
    const label = upper === Infinity ? `≥ ${previous}` : `${previous}–${upper}`;
    previous = String(upper);
    return `<div class="legend-row"><span class="swatch" style="background:${color}"></span>${label} ${escapeHtml(t('personsPerHa'))}</div>`;
  }).join('');
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
  renderLegend();
  hubLayer.changed();
  document.getElementById('vacant-count').textContent = (vacantSource.getFeatures().length).toLocaleString(locale());
  renderStoreMeta();
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

let status = { transit: false };
async function start() {
  renderLegend();
  status = await (await fetch(api('api/status'))).json();
  document.body.classList.toggle('no-transit', !status.transit);
  renderStoreMeta();
  if (status.transit) {
    stopLayer.getSource().setUrl(api('ogc/collections/transit_stops/items?limit=10000'));
    stopLayer.getSource().refresh();
  }
  scenarios.setScenarios(status.scenarios);
  const [minLon, minLat, maxLon, maxLat] = status.extent;
  if (Number.isFinite(minLon)) {
    map.getView().fit(transformExtent([minLon, minLat, maxLon, maxLat], 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  }
  await loadVacant();
  document.body.dataset.ready = 'true';
}

// Hooks for the headless-browser test and for scripting from the console.
window.souseiViewer = {
  map,
  vacantSource,
  highlightSource: whatIf.highlightSource,
  compareSource: scenarios.layer.getSource(),
  hubSource: hubLayer.getSource(),
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
