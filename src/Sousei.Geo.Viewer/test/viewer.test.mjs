// Headless-Chromium test of the viewer (Debian's chromium driven by playwright-core).
// Usage: node test/viewer.test.mjs BASE_URL ARTIFACT_DIR
// Checks: no console errors, vacant houses appear, a click opens a popup of public attributes, a filter changes
// the count, the download is valid GeoJSON, the what-if pane (top N and houses clicked on the map) shows the same
// numbers as /api/vacant/whatif, the trend chart draws the target line and the crossing year, the English toggle
// works, the scenario picker and the before/after layer follow the API, the phone layout renders, and no owner field
// is requested or shown. Then (issue "the map viewer people can find their way in"): the context layers without a
// basemap, the search box (keyboard), every filter with its count from the API, the URL restoring the view, names in
// the popup, legends, the isochrone error in words, hub labels above clusters, the PNG download, contrast and keyboard
// reach, the phone map, staff mode (owner fields absent from every answer without the key, present with it) and, on
// a second service, the online basemap asked for its tiles with its credit shown. Screenshots are kept.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const geojsonhint = require('@mapbox/geojsonhint');
const [base, artifacts] = process.argv.slice(2);
if (!base || !artifacts) {
  console.error('usage: node test/viewer.test.mjs BASE_URL ARTIFACT_DIR');
  process.exit(2);
}

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok: Boolean(ok), detail: String(detail) });
  if (!ok) console.error(`FAIL ${name}: ${detail}`);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const errors = [];
const env = process.env;
// Answers the test provokes on purpose (a ProblemDetails the page shows in words): not console errors of the viewer.
const expectedFailures = [];
const expected = (url) => expectedFailures.some((e) => url.includes(e));
const ownerName = env.SOUSEI_OWNER_NAME ?? '';
const ownerContact = env.SOUSEI_OWNER_CONTACT ?? '';
const bodiesWithoutKey = [];
let staffPhase = false;
let tilesLoaded = 0;
const external = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error' && !expected(msg.location()?.url ?? '')) errors.push(msg.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (!staffPhase) bodiesWithoutKey.push(r.body().then((b) => [r.url(), b]).catch(() => [r.url(), Buffer.alloc(0)]));
    if (r.status() >= 400 && !expected(r.url())) errors.push(`${r.status()} ${r.url()}`);
    else if (r.url().includes('/tiles/town_blocks/')) tilesLoaded++;
  });
  const analysisBodies = [];
  const staffKeySent = [];
  page.on('response', (r) => {
    if (/\/api\/(vacant|trend|export)/.test(r.url())) analysisBodies.push(r.text().then((b) => [r.url(), b]).catch(() => [r.url(), '']));
  });
  page.on('request', (r) => { if (Object.keys(r.headers()).some((h) => h.toLowerCase() === 'x-api-key')) staffKeySent.push(r.url()); });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url()); });

  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const total = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures().length);
  const countText = (await page.textContent('#vacant-count')).trim();
  check('vacant houses appear', total > 0 && countText === String(total), `features ${total}, count text ${countText}`);
  const storeStatus = await (await fetch(base + '/api/status')).json();
  const metaText = (await page.textContent('#store-meta')).trim();
  const meta = storeStatus.metadata ?? {};
  check('the store metadata is shown, not a fixed demo line',
    meta.title ? metaText.includes(meta.title) && (meta.synthetic !== true || metaText.includes('合成データ')) : metaText.includes('store.json'), metaText);

  // Popup: zoom to a house and click it.
  const target = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures()[0].get('id'));
  await page.evaluate((id) => window.souseiViewer.zoomTo(id, 18), target);
  const pixel = await page.evaluate((id) => window.souseiViewer.pixelOf(id), target);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
  await page.waitForSelector('#popup[data-feature-id]', { timeout: 5000 }).catch(() => {});
  const popupText = await page.textContent('#popup .popup-content');
  const popupVisible = await page.isVisible('#popup .popup-content table');
  check('a click opens a popup', popupVisible && popupText.includes(target), popupText);
  check('the popup shows no owner data', !/owner|所有者氏名/.test(popupText), popupText);
  await page.screenshot({ path: join(artifacts, 'viewer-popup.png') });

  // Filter: drop decay rank "high"; the count must change and match the features shown.
  const before = await page.getAttribute('body', 'data-vacant-loaded');
  await page.uncheck('input[name=decay][value=high]');
  await page.waitForFunction((b) => document.body.dataset.vacantLoaded !== b, before, { timeout: 10000 });
  const filtered = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures().length);
  const filteredText = (await page.textContent('#vacant-count')).trim();
  check('a filter changes the count', filtered < total && filteredText === String(filtered), `${total} → ${filtered} (${filteredText})`);

  // Download the current selection.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#download')]);
  const file = join(mkdtempSync(join(tmpdir(), 'sousei-viewer-')), 'download.geojson');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  let parsed = null;
  try { parsed = JSON.parse(text); } catch (e) { /* reported below */ }
  const hints = parsed ? geojsonhint.hint(text) : ['not JSON'];
  check('the download is valid GeoJSON', parsed?.type === 'FeatureCollection' && parsed.features.length === filtered && hints.length === 0,
    `features ${parsed?.features?.length}, hints ${JSON.stringify(hints).slice(0, 300)}`);
  check('the download holds no owner data', !text.includes('owner_'), '');

  // What-if pane, top N = 5: the numbers shown are those of the API, and occupying houses raises the density.
  const apiJson = (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const shown = () => page.evaluate(() => {
    const v = (id) => { const el = document.getElementById(id); return el ? { value: Number(el.dataset.value), text: el.textContent.trim() } : null; };
    return { count: v('wi-count'), densityBefore: v('wi-density-before'), densityAfter: v('wi-density-after'),
      gapBefore: v('wi-gap-before'), gapAfter: v('wi-gap-after'), url: document.getElementById('wi-result').dataset.url ?? '',
      message: document.getElementById('wi-message').hidden ? '' : document.getElementById('wi-message').textContent,
      highlighted: window.souseiViewer.highlightSource.getFeatures().map((f) => f.getId()).sort() };
  });
  const num = (text) => Number(text.replace(/,/g, '').replace('−', '-'));
  const sameAsApi = (d, api) => d.densityBefore?.value === api.density_before && d.densityAfter?.value === api.density_after
    && d.gapBefore?.value === api.gap_persons_before && d.gapAfter?.value === api.gap_persons_after
    && num(d.densityBefore.text) === Number(api.density_before.toFixed(3)) && num(d.densityAfter.text) === Number(api.density_after.toFixed(3))
    && num(d.gapBefore.text) === api.gap_persons_before && num(d.gapAfter.text) === api.gap_persons_after
    && d.count?.value === api.occupied.length;
  await page.click('#tab-whatif');
  check('the what-if pane opens', await page.isVisible('#pane-whatif') && !(await page.isVisible('#pane-map')), '');
  const method = await page.inputValue('#wi-method');
  await page.fill('#wi-top', '5');
  await page.waitForFunction(() => /occupy_top=5(&|$)/.test(document.getElementById('wi-result').dataset.url ?? '') && document.getElementById('wi-density-after'), null, { timeout: 20000 });
  const top5 = await shown();
  const top5Api = await apiJson(`/api/vacant/whatif?occupy_top=5&method=${method}`);
  check('top 5: density rises', top5.densityAfter.value > top5.densityBefore.value, JSON.stringify(top5));
  check('top 5: the gap shrinks', top5.gapAfter.value < top5.gapBefore.value, JSON.stringify(top5));
  check('top 5: the pane shows the numbers of /api/vacant/whatif', sameAsApi(top5, top5Api), `${JSON.stringify(top5)} vs ${JSON.stringify(top5Api).slice(0, 400)}`);
  // Fixture by hand (households, 2024): 30 persons on 100 ha, gap ⌈6,070 − 30⌉ = 6,040. The 5 ranked houses (V5 is
  // demolished) are V1, V2, V4, V6 inside at 3 persons each (the households inside both zones have 3 persons) and
  // V3 outside (adds nothing): 42 persons, 0.42 /ha, gap ⌈6,070 − 42⌉ = 6,028.
  if (method === 'households') {
    check('top 5: the fixture answer worked out by hand', Math.abs(top5.densityBefore.value - 0.3) < 1e-9
      && Math.abs(top5.densityAfter.value - 0.42) < 1e-9 && top5.gapBefore.value === 6040 && top5.gapAfter.value === 6028, JSON.stringify(top5));
  }
  check('top 5: the chosen houses are highlighted', JSON.stringify(top5.highlighted) === JSON.stringify(top5Api.occupied.map((o) => o.id).sort()), top5.highlighted.join(','));

  // Choosing by clicking: select a house inside the area, see the pane follow, click again to deselect.
  await page.check('input[name=wi-mode][value=click]');
  await page.waitForFunction(() => !document.getElementById('wi-message').hidden && !document.getElementById('wi-density-after'), null, { timeout: 10000 });
  const pick = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures()
    .find((f) => f.get('inside_inducement_area') === true && f.get('status') !== 'demolished')?.get('id'));
  const clickHouse = async (id) => {
    await page.evaluate((x) => window.souseiViewer.zoomTo(x, 18), id);
    const px = await page.evaluate((x) => window.souseiViewer.pixelOf(x), id);
    const mapBox = await page.locator('#map').boundingBox();
    await page.mouse.click(mapBox.x + px[0], mapBox.y + px[1]);
  };
  await clickHouse(pick);
  await page.waitForFunction((id) => (document.getElementById('wi-result').dataset.url ?? '').endsWith(`occupy_ids=${id}&method=` + document.getElementById('wi-method').value)
    && document.getElementById('wi-count')?.dataset.value === '1', pick, { timeout: 20000 }).catch(() => {});
  const one = await shown();
  const oneApi = await apiJson(`/api/vacant/whatif?occupy_ids=${encodeURIComponent(pick)}&method=${method}`);
  check('a clicked house is selected and the pane updates', one.count?.value === 1 && sameAsApi(one, oneApi) && one.densityAfter.value > one.densityBefore.value,
    `${pick}: ${JSON.stringify(one)} vs ${JSON.stringify(oneApi).slice(0, 300)}`);
  check('the clicked house is highlighted', JSON.stringify(one.highlighted) === JSON.stringify([pick]), one.highlighted.join(','));
  check('selecting does not open the popup', !(await page.isVisible('#popup .popup-content table')), '');
  await clickHouse(pick);
  await page.waitForFunction(() => !document.getElementById('wi-density-after') && !document.getElementById('wi-message').hidden, null, { timeout: 10000 }).catch(() => {});
  const none = await shown();
  check('a second click deselects it', none.count === null && none.highlighted.length === 0 && none.message !== '', JSON.stringify(none));
  await clickHouse(pick);
  await page.waitForFunction(() => document.getElementById('wi-count')?.dataset.value === '1', null, { timeout: 20000 }).catch(() => {});
  check('a third click selects it again', (await shown()).count?.value === 1, '');
  await page.screenshot({ path: join(artifacts, 'viewer-whatif.png') });

  // Trend chart: an SVG with the target line; the blocks method (2020 and 2024) has a model, households (2024 only) none.
  await page.click('#tab-trend');
  await page.waitForFunction(() => document.body.dataset.trendRendered, null, { timeout: 20000 });
  if ((await page.inputValue('#tr-method')) !== 'blocks') {
    await page.selectOption('#tr-method', 'blocks');
  }
  await page.waitForFunction(() => document.body.dataset.trendRendered?.startsWith('blocks:'), null, { timeout: 20000 });
  const trendApi = await apiJson('/api/trend?method=blocks');
  const chart = await page.evaluate(() => {
    const target = document.querySelector('#trend-chart line.target-line');
    return {
      svg: Boolean(document.querySelector('#tr-chart > svg#trend-chart')),
      target: target && { value: Number(target.dataset.value), y1: target.getAttribute('y1'), y2: target.getAttribute('y2') },
      totalCrossing: document.querySelector('#trend-chart .series[data-id="inducement_area"] .crossing')?.dataset.year ?? null,
      series: [...document.querySelectorAll('#trend-chart .series')].map((g) => g.dataset.id),
      lines: document.querySelectorAll('#trend-chart .series polyline').length,
    };
  });
  check('the trend chart is an SVG with a horizontal target line at 60.7', chart.svg && chart.target?.value === 60.7 && chart.target.y1 === chart.target.y2, JSON.stringify(chart));
  // Blocks by hand: 5,600 persons in 2020, 6,000 in 2024 on 100 ha; r = (6000/5600)^(1/4) − 1 ≈ 1.74 %/year, so 2025
  // gives about 6,104 ≥ 6,070: the area crosses the target in 2025.
  check('the projected crossing year is marked', chart.totalCrossing === '2025' && trendApi.total.crossing_year === 2025, JSON.stringify(chart));
  await page.selectOption('#tr-zone', 'east');
  await page.waitForFunction(() => document.body.dataset.trendRendered === 'blocks:east', null, { timeout: 10000 }).catch(() => {});
  const zoneChart = await page.evaluate(() => ({
    series: [...document.querySelectorAll('#trend-chart .series')].map((g) => g.dataset.id),
    crossing: document.querySelector('#trend-chart .series[data-id="east"] .crossing')?.dataset.year ?? null,
  }));
  const eastApi = trendApi.zones.find((z) => z.id === 'east');
  check('a zone can be drawn beside the whole area', JSON.stringify(zoneChart.series) === '["inducement_area","east"]'
    && zoneChart.crossing === String(eastApi.crossing_year), JSON.stringify(zoneChart));
  await page.screenshot({ path: join(artifacts, 'viewer-trend.png') });

  // Transit scenarios: the picker lists the store's scenarios; choosing one reloads the hub times with it, and the
  // before/after layer shows the areas of /api/compare with the seven classes of the legend.
  await page.click('#tab-map');
  const statusJson = await apiJson('/api/status');
  const scenarioIds = (statusJson.scenarios ?? []).map((x) => x.id);
  check('the store offers scenarios', scenarioIds.length > 0, JSON.stringify(statusJson.scenarios));
  if (scenarioIds.length > 0) {
    const id = scenarioIds[0];
    const options = await page.evaluate(() => [...document.querySelectorAll('#scenario option')].map((o) => o.value));
    check('the scenario picker lists the store scenarios', JSON.stringify(options) === JSON.stringify(['', ...scenarioIds]), options.join(','));
    const hubMinutes = () => page.evaluate(() => JSON.stringify(Object.fromEntries(window.souseiViewer.hubSource.getFeatures()
      .map((f) => [f.get('id'), f.get('minutes_to_central')]).sort())));
    const published = await hubMinutes();
    const apiHubs = await apiJson('/api/hubs?scenario=' + encodeURIComponent(id));
    const expected = JSON.stringify(Object.fromEntries(apiHubs.features.map((f) => [f.properties.id, f.properties.minutes_to_central]).sort()));
    await page.selectOption('#scenario', id);
    await page.waitForFunction((e) => JSON.stringify(Object.fromEntries(window.souseiViewer.hubSource.getFeatures()
      .map((f) => [f.get('id'), f.get('minutes_to_central')]).sort())) === e, expected, { timeout: 15000 }).catch(() => {});
    const withScenario = await hubMinutes();
    check('hub times follow the scenario', withScenario === expected && withScenario !== published, `${published} → ${withScenario} (api ${expected})`);
    const loadedBefore = await page.getAttribute('body', 'data-compare-loaded');
    await page.check('#compare-mode');
    await page.waitForFunction((b) => document.body.dataset.compareLoaded !== b && document.body.dataset.compareFeatures !== undefined, loadedBefore, { timeout: 30000 }).catch(() => {});
    const shownAreas = Number(await page.getAttribute('body', 'data-compare-features'));
    const compareApi = await apiJson(`/api/compare?scenario=${encodeURIComponent(id)}&format=geojson`);
    check('the before/after layer shows the areas of /api/compare', shownAreas > 0 && shownAreas === compareApi.features.length, `${shownAreas} vs ${compareApi.features?.length}`);
    const legendRows = await page.locator('#compare-legend .legend-row').count();
    check('the change legend lists its seven classes', legendRows === 7 && await page.isVisible('#compare-legend'), `${legendRows} rows`);
    await page.screenshot({ path: join(artifacts, 'viewer-scenario.png') });
    await page.uncheck('#compare-mode');
    await page.selectOption('#scenario', '');
  }

  // English toggle.
  await page.click('#lang');
  const title = (await page.textContent('h1')).trim();
  check('English toggle', title === 'Kumamoto vacant houses', title);
  const englishTrend = (await page.textContent('#trend-chart .target-label')).trim();
  const englishTab = (await page.textContent('#tab-whatif')).trim();
  check('English toggle reaches the analysis panes', englishTrend === 'target 60.7' && englishTab === 'What-if', `${englishTrend} / ${englishTab}`);
  const statusLabel = (await page.textContent('[data-status-label="listed"]')) ?? '';
  check('English toggle reaches the status filter labels', statusLabel.includes('listed'), statusLabel);
  await page.screenshot({ path: join(artifacts, 'viewer.png') });

  // Phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const panel = await page.locator('#panel').boundingBox();
  check('phone layout: the panel spans the screen width', panel && panel.width >= 380, JSON.stringify(panel));
  await page.screenshot({ path: join(artifacts, 'viewer-phone.png') });
  await page.click('#tab-whatif');
  await page.waitForTimeout(300);
  const fits = await page.evaluate(() => {
    const p = document.getElementById('panel');
    return { scrollWidth: p.scrollWidth, clientWidth: p.clientWidth, table: document.querySelector('.wi-table')?.getBoundingClientRect().right ?? 0 };
  });
  check('phone layout: the what-if pane fits the width', fits.scrollWidth <= fits.clientWidth && fits.table <= 390, JSON.stringify(fits));
  await page.screenshot({ path: join(artifacts, 'viewer-phone-whatif.png') });

  // ---- Finding one's way: context, search, filters, URL, popup names, legends, errors, PNG, contrast, keyboard ----
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.click('#lang'); // back to Japanese
  await page.click('#tab-map');
  const sv = (fn, arg) => page.evaluate(fn, arg);
  const st = await apiJson('/api/status');
  check('status has no basemap by default and names the population units', st.basemap === null && st.population_units === 'town_blocks', JSON.stringify({ b: st.basemap, u: st.population_units }));
  const densityLabel = (await page.textContent('#density-label')).trim();
  check('the density layer is named by the population units (町丁目)', densityLabel.includes('町丁目'), densityLabel);
  const ctxLayers = await sv(() => ({ wards: window.souseiViewer.layerByKey.wards.getVisible(), buildings: window.souseiViewer.layerByKey.buildings.getVisible(), basemap: document.body.dataset.basemap }));
  check('without a basemap the ward outlines and buildings are drawn', ctxLayers.wards && ctxLayers.buildings && ctxLayers.basemap === 'false', JSON.stringify(ctxLayers));
  const buildingTiles = [];
  page.on('response', (r) => { if (r.url().includes('/tiles/buildings/')) buildingTiles.push(r.status()); });

  // Search: one match zooms there and opens the popup; several give a list chosen with the arrow keys and Enter.
  const search = async (text) => {
    await page.fill('#search', text);
    await page.focus('#search');
    await page.keyboard.press('Enter');
  };
  await search('V1');
  await page.waitForFunction(() => document.body.dataset.found === 'vacant:V1', null, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500);
  const v1 = await page.textContent('#popup .popup-content');
  check('search by survey id zooms to the house and opens its popup', (await page.getAttribute('body', 'data-found')) === 'vacant:V1' && v1.includes('V1'), v1);
  check('the popup uses names: structure, zone, hub, status, date, units', ['木造', '西区域', '中心拠点', '空き家', '2024年6月1日', ' m'].every((x) => v1.includes(x))
    && !/\bwood\b|\bwest\b|\bcentral\b/.test(v1), v1);
  check('the popup holds no owner field without the staff key', !v1.includes(ownerName) && !v1.includes(ownerContact), v1);
  await page.waitForTimeout(800);
  check('buildings tiles load from zoom 15 (context)', buildingTiles.length > 0 && buildingTiles.every((x) => x < 400), buildingTiles.join(','));
  await page.screenshot({ path: join(artifacts, 'viewer-context.png') });
  await search('区域');
  await page.waitForSelector('#search-results:not([hidden]) li', { timeout: 5000 }).catch(() => {});
  const options = await page.$$eval('#search-results li', (lis) => lis.map((li) => `${li.dataset.kind}:${li.dataset.id}`));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const foundZone = await page.getAttribute('body', 'data-found');
  check('several matches give a list chosen with the arrow keys and Enter', options.includes('ward:west') && options.includes('ward:east') && foundZone === options[1], `${options.join(',')} → ${foundZone}`);
  await page.screenshot({ path: join(artifacts, 'viewer-search.png') });
  const found = {};
  for (const text of ['一丁目', '北部拠点', '北部', '北']) {
    await search(text);
    await page.waitForTimeout(300);
    const list = await page.$$eval('#search-results:not([hidden]) li', (lis) => lis.map((li) => li.dataset.kind));
    found[text] = { found: await page.getAttribute('body', 'data-found'), list };
  }
  check('search finds town blocks, hubs and stops', found['一丁目'].found === 'block:B1' && found['北部拠点'].found === 'hub:north'
    && found['北部'].found === 'stop:tram:S2' && found['北'].list.includes('stop') && found['北'].list.includes('hub'), JSON.stringify(found));

  // Every filter of the API; the count is the API's count for the same expression.
  await page.check('input[name=decay][value=high]');
  const apiCount = async () => {
    const href = await page.getAttribute('#download', 'href');
    const filter = href ? new URL(href, base).searchParams.get('filter') : null;
    return (await apiJson('/api/vacant_houses/count' + (filter ? '?filter=' + encodeURIComponent(filter) : ''))).count;
  };
  const setFilter = async (action) => {
    const b = await page.getAttribute('body', 'data-vacant-loaded');
    await action();
    await page.waitForFunction((x) => document.body.dataset.vacantLoaded !== x, b, { timeout: 10000 }).catch(() => {});
    return { shown: Number((await page.textContent('#vacant-count')).trim()), api: await apiCount() };
  };
  const filterSteps = {
    inside: await setFilter(() => page.selectOption('#f-inside', 'true')),
    zone: await setFilter(() => page.selectOption('#f-zone', 'east')),
    likelihood: await setFilter(() => page.uncheck('input[name=likelihood][value=high]')),
    status: await setFilter(() => page.uncheck('input[name=status][value=listed]')),
    builtMin: await setFilter(async () => { await page.fill('#f-built-min', '1980'); await page.dispatchEvent('#f-built-min', 'change'); }),
    builtMax: await setFilter(async () => { await page.fill('#f-built-max', '2000'); await page.dispatchEvent('#f-built-max', 'change'); }),
    floorMin: await setFilter(async () => { await page.fill('#f-floor-min', '100'); await page.dispatchEvent('#f-floor-min', 'change'); }),
    floorMax: await setFilter(async () => { await page.fill('#f-floor-max', '300'); await page.dispatchEvent('#f-floor-max', 'change'); }),
    hub: await setFilter(async () => { await page.fill('#f-hub', '2000'); await page.dispatchEvent('#f-hub', 'change'); }),
    stop: await setFilter(async () => { await page.fill('#f-stop', '2000'); await page.dispatchEvent('#f-stop', 'change'); }),
  };
  // By hand: inside → V1, V2, V4, V6 (V5 demolished is outside the area? no: at (2500, 2500), outside); east → V2, V4;
  // likelihood not high → V2 (medium), V4 (low); status not listed → V4; built 1990 within 1980–2000, floor 240 within 100–300.
  check('every filter changes the count to the API count for the same filter', Object.values(filterSteps).every((x) => x.shown === x.api)
    && filterSteps.zone.shown === 2 && filterSteps.status.shown === 1 && filterSteps.floorMax.shown === 1, JSON.stringify(filterSteps));

  // The link keeps the view, the layers and the filters.
  await page.check('input[data-layer=stops]');
  await sv(() => { window.souseiViewer.map.getView().setZoom(15.5); });
  await page.waitForTimeout(400);
  const link = page.url();
  const state = async (p) => p.evaluate(() => ({
    layers: [...document.querySelectorAll('input[data-layer]')].map((i) => i.checked).join(','),
    filters: [...document.querySelectorAll('.filters input, .filters select')].map((i) => (i.type === 'checkbox' ? i.checked : i.value)).join(','),
    zoom: Math.round(window.souseiViewer.map.getView().getZoom() * 100) / 100,
    center: window.souseiViewer.map.getView().getCenter().map((v) => Math.round(v)),
    count: document.getElementById('vacant-count').textContent,
  }));
  const here = await state(page);
  const second = await context.newPage();
  second.on('pageerror', (e) => errors.push(String(e)));
  await second.goto(link, { waitUntil: 'load' });
  await second.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const there = await state(second);
  check('a link restores the view, the visible layers and the filters', link.includes('#') && here.layers === there.layers && here.filters === there.filters
    && here.count === there.count && Math.abs(here.zoom - there.zoom) < 0.02 && Math.abs(here.center[0] - there.center[0]) < 5 && Math.abs(here.center[1] - there.center[1]) < 5,
    `${link}\n${JSON.stringify(here)}\n${JSON.stringify(there)}`);
  await second.close();

  // Legends for every visible layer.
  const legends = await sv(() => ({
    visible: Object.entries(window.souseiViewer.layerByKey).filter(([k, l]) => l.getVisible() && !['isochrone', 'buildings'].includes(k)).map(([k]) => k).sort(),
    shown: [...document.querySelectorAll('#legend-items [data-legend]')].map((e) => e.dataset.legend).sort(),
  }));
  check('every visible layer has a legend', legends.visible.every((k) => legends.shown.includes(k)), JSON.stringify(legends));
  const z = await sv(() => [window.souseiViewer.layerByKey.hubs.getZIndex(), window.souseiViewer.layerByKey.vacant.getZIndex()]);
  check('hub labels are drawn above the clusters', z[0] > z[1], JSON.stringify(z));

  // An isochrone where no stop is within the walk: the ProblemDetails in words, Japanese then English.
  const clickLonLat = async (lonLat) => {
    const [lon, lat] = lonLat.split(',').map(Number);
    await sv(([x, y]) => window.souseiViewer.centerOn(x, y, 15), [lon, lat]);
    await page.waitForTimeout(300);
    const px = await sv(([x, y]) => window.souseiViewer.pixelOfLonLat(x, y), [lon, lat]);
    const mb = await page.locator('#map').boundingBox();
    await page.mouse.click(mb.x + px[0], mb.y + px[1]);
  };
  if (env.SOUSEI_FAR_LONLAT) {
    expectedFailures.push('/api/isochrones?lon=' + Number(env.SOUSEI_FAR_LONLAT.split(',')[0]).toFixed(6));
    await page.check('#isochrone-mode');
    await clickLonLat(env.SOUSEI_FAR_LONLAT);
    await page.waitForSelector('#map-message:not([hidden])', { timeout: 10000 }).catch(() => {});
    const ja = (await page.textContent('#map-message')).trim();
    check('an isochrone outside the network says so in words (Japanese)', ja === 'この地点から 800 m 以内に停留所がありません', ja);
    await page.screenshot({ path: join(artifacts, 'viewer-isochrone-error.png') });
    await page.click('#lang');
    await clickLonLat(env.SOUSEI_FAR_LONLAT);
    await page.waitForFunction(() => /no stop within 800 m/.test(document.getElementById('map-message').textContent), null, { timeout: 10000 }).catch(() => {});
    const en = (await page.textContent('#map-message')).trim();
    check('… and in English the service\'s message', /no stop within 800 m/.test(en), en);
    await page.click('#lang');
    await clickLonLat(env.SOUSEI_NEAR_LONLAT);
    await page.waitForFunction(() => window.souseiViewer.isochroneSource.getFeatures().length > 0, null, { timeout: 20000 }).catch(() => {});
    const iso = await sv(() => ({ n: window.souseiViewer.isochroneSource.getFeatures().length, legend: document.querySelectorAll('[data-legend=isochrone] .legend-row').length,
      message: document.getElementById('map-message').hidden }));
    check('an isochrone near a stop is drawn with its band legend', iso.n > 0 && iso.legend === 4 && iso.message, JSON.stringify(iso));
    await page.uncheck('#isochrone-mode');
  }

  // Save this view as PNG: the service's renderer with the current bbox, layers, size and language.
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click('#save-png')]);
  const pngFile = join(artifacts, 'viewer-saved-view.png');
  await png.saveAs(pngFile);
  const pngBytes = readFileSync(pngFile);
  const pngUrl = new URL(await sv(() => window.souseiViewer.mapPngUrl()));
  const size = await sv(() => window.souseiViewer.map.getSize());
  check('the PNG button downloads the map of this view', pngBytes.subarray(1, 4).toString() === 'PNG' && pngUrl.searchParams.get('lang') === 'ja'
    && pngUrl.searchParams.get('bbox').split(',').length === 4 && pngUrl.searchParams.get('layers').includes('vacant_houses') && pngUrl.searchParams.get('layers').includes('transit_stops')
    && Number(pngUrl.searchParams.get('width')) === size[0], `${pngBytes.length} bytes, ${pngUrl}`);

  // WCAG AA: every visible text in the panel at ≥ 4.5:1 against its background.
  const contrast = await sv(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const bad = [];
    let n = 0;
    for (const el of document.querySelectorAll('#panel *, #map-message, .ol-attribution li')) {
      const text = [...el.childNodes].filter((x) => x.nodeType === 3).map((x) => x.textContent).join('').trim();
      if (!text || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const a = lum(rgb(getComputedStyle(el).color));
      const b = lum(bg(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      n++;
      if (ratio < 4.5) bad.push(`${el.tagName}#${el.id}.${el.className} "${text.slice(0, 20)}" ${ratio.toFixed(2)}`);
    }
    return { n, bad };
  });
  check('text on the panels meets WCAG AA contrast (4.5:1)', contrast.n > 20 && contrast.bad.length === 0, `${contrast.n} texts; ${contrast.bad.join(' | ')}`);

  // Keyboard: Tab reaches the search, the buttons, the filters and the download.
  await page.focus('#panel-toggle');
  const reached = new Set();
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    reached.add(await sv(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || ''));
  }
  const wanted = ['staff', 'lang', 'search', 'tab-map', 'save-png', 'f-inside', 'f-zone', 'decay', 'likelihood', 'status', 'f-built-min', 'f-floor-max', 'f-hub', 'download'];
  check('the controls are reached with the keyboard', wanted.every((w) => reached.has(w)), wanted.filter((w) => !reached.has(w)).join(','));

  // Phone: the map keeps more than half the screen above the panel.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const phone = await page.locator('#panel').boundingBox();
  check('phone layout (390×844): the map stays usable above the panel', phone && phone.y >= 844 * 0.5, JSON.stringify(phone));
  await page.screenshot({ path: join(artifacts, 'viewer-phone-map.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  check('density tiles load', tilesLoaded > 0, `${tilesLoaded} tiles`);
  check('no console errors', errors.length === 0, errors.join(' | '));
  check('no request leaves the service', external.length === 0, external.join(' | '));
  const bodies = await Promise.all(analysisBodies);
  const ownerIn = bodies.filter(([, b]) => /owner/i.test(b)).map(([u]) => u);
  const panelHtml = await page.innerHTML('#panel');
  check('no owner field is requested or shown', staffKeySent.length === 0 && ownerIn.length === 0 && bodies.length > 0 && !/owner|所有者氏名/.test(panelHtml),
    `key sent to ${staffKeySent.join(',')}; owner in ${ownerIn.join(',')}; ${bodies.length} bodies`);

  // Staff mode: without the key no answer the page received holds an owner field; with it the popup shows them.
  const received = await Promise.all(bodiesWithoutKey);
  const leaks = received.filter(([, b]) => b.includes(Buffer.from(ownerName)) || b.includes(Buffer.from(ownerContact))).map(([u]) => u);
  check('without the staff key no answer holds an owner name or contact', ownerName !== '' && received.length > 50 && leaks.length === 0, `${received.length} answers; ${leaks.join(',')}`);
  staffPhase = true;
  if (env.SOUSEI_STAFF_KEY) {
    const staffBodies = [];
    page.on('response', (r) => { if (r.url().includes('/api/export/vacant_houses')) staffBodies.push(r.text().catch(() => '')); });
    // A wrong key first: the dialog comes back saying so, and nothing is stored (its 401 is the expected answer).
    expectedFailures.push('/api/staff');
    await page.click('#staff');
    await page.fill('#staff-key', 'not-the-staff-key');
    await page.click('#staff-apply');
    await page.waitForSelector('body[data-staff-rejected="true"]', { timeout: 10000 }).catch(() => {});
    const rejected = { open: await page.isVisible('#staff-dialog'), text: (await page.textContent('#staff-state')) ?? '', stored: await sv(() => sessionStorage.getItem('sousei.staffKey')) };
    check('a wrong staff key is said to be wrong and not kept', rejected.open && rejected.text.includes('このキーでは所有者情報を読めません') && rejected.stored === null, JSON.stringify(rejected));
    await page.click('#staff-cancel');
    await page.click('#staff');
    await page.fill('#staff-key', env.SOUSEI_STAFF_KEY);
    const b = await page.getAttribute('body', 'data-vacant-loaded');
    await page.click('#staff-apply');
    await page.waitForFunction((x) => document.body.dataset.vacantLoaded !== x, b, { timeout: 10000 }).catch(() => {});
    // The key lasts for the tab: a reload (without the filters of the link) still reads owner fields.
    await page.goto(base + '/', { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.fill('#search', 'V1');
    await page.focus('#search');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    const popupStaff = await page.textContent('#popup .popup-content');
    const storage = await sv((k) => ({ session: sessionStorage.getItem('sousei.staffKey') === k,
      local: Object.keys(localStorage).some((x) => localStorage.getItem(x).includes(k)), url: location.href.includes(k) }), env.SOUSEI_STAFF_KEY);
    const withKey = (await Promise.all(staffBodies)).join('');
    check('with the staff key the popup shows the owner fields', popupStaff.includes(ownerName) && popupStaff.includes(ownerContact) && withKey.includes(ownerName), popupStaff);
    check('the staff key is kept in sessionStorage only, never in the URL or localStorage', storage.session && !storage.local && !storage.url, JSON.stringify(storage));
    await page.screenshot({ path: join(artifacts, 'viewer-staff.png') });
  }

  // A second service with an online basemap (a stub tile server on 127.0.0.1): tiles asked for, credit shown.
  if (env.SOUSEI_BASEMAP_SERVER) {
    const bm = await context.newPage();
    const tileRequests = [];
    bm.on('console', (msg) => { if (msg.type() === 'error') errors.push('basemap page: ' + msg.text()); });
    bm.on('pageerror', (e) => errors.push('basemap page: ' + String(e)));
    bm.on('request', (r) => { if (r.url().startsWith(env.SOUSEI_BASEMAP_TILES)) tileRequests.push(r.url()); });
    await bm.goto(env.SOUSEI_BASEMAP_SERVER + '/', { waitUntil: 'load' });
    await bm.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await bm.waitForTimeout(1500);
    const attribution = (await bm.textContent('.ol-attribution')) ?? '';
    const bmState = await bm.evaluate(() => ({ basemap: document.body.dataset.basemap, wards: window.souseiViewer.layerByKey.wards.getVisible() }));
    check('the configured basemap is asked for its tiles', tileRequests.length > 0 && tileRequests.every((u) => /\/\d+\/\d+\/\d+\.png$/.test(u)), `${tileRequests.length} requests`);
    check('the basemap credit is shown on the map', attribution.includes(env.SOUSEI_BASEMAP_CREDIT) && await bm.isVisible('.ol-attribution'), attribution);
    check('with a basemap the faint context layers are off', bmState.basemap === 'true' && !bmState.wards, JSON.stringify(bmState));
    await bm.screenshot({ path: join(artifacts, 'viewer-basemap.png') });
    await bm.close();
  }

  // A third service whose basemap is an offline PMTiles of vector tiles (sousei tiles): drawn with the default style.
  if (env.SOUSEI_VECTOR_BASEMAP_SERVER) {
    const vb = await context.newPage();
    const answers = [];
    vb.on('console', (msg) => { if (msg.type() === 'error') errors.push('vector basemap page: ' + msg.text()); });
    vb.on('pageerror', (e) => errors.push('vector basemap page: ' + String(e)));
    vb.on('response', (r) => { if (r.url().includes('/basemap/') && !r.url().endsWith('metadata.json')) answers.push(r.status()); });
    await vb.goto(env.SOUSEI_VECTOR_BASEMAP_SERVER + '/', { waitUntil: 'load' });
    await vb.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await vb.waitForTimeout(2500);
    const vState = await vb.evaluate(() => ({ basemap: document.body.dataset.basemap, loaded: window.souseiViewer.basemapTilesLoaded(), features: window.souseiViewer.basemapFeatures() }));
    const vCredit = (await vb.textContent('.ol-attribution')) ?? '';
    check('an offline vector basemap is fetched from /basemap and drawn with the default style',
      vState.basemap === 'true' && answers.length > 0 && answers.every((s) => s === 200 || s === 204) && vState.loaded > 0 && vState.features > 0, JSON.stringify({ ...vState, answers: answers.length }));
    check('the vector basemap credit is shown', vCredit.includes(env.SOUSEI_VECTOR_BASEMAP_CREDIT ?? '\u0000'), vCredit);
    await vb.screenshot({ path: join(artifacts, 'viewer-vector-basemap.png') });
    await vb.close();
  }
} finally {
  await browser.close();
}

writeFileSync(join(artifacts, 'viewer-checks.json'), JSON.stringify(checks, null, 2));
const failed = checks.filter((c) => !c.ok);
console.log(JSON.stringify({ passed: checks.length - failed.length, failed: failed.length, checks }));
process.exit(failed.length === 0 ? 0 : 1);
