// Headless-Chromium test of the viewer (Debian's chromium driven by playwright-core).
// Usage: node test/viewer.test.mjs BASE_URL ARTIFACT_DIR
// Checks: no console errors, vacant houses appear, a click opens a popup of public attributes, a filter changes
// the count, the download is valid GeoJSON, the English toggle works, the phone layout renders. Screenshots are kept.
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
let tilesLoaded = 0;
const external = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    else if (r.url().includes('/tiles/town_blocks/')) tilesLoaded++;
  });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url()); });

  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const total = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures().length);
  const countText = (await page.textContent('#vacant-count')).trim();
  check('vacant houses appear', total > 0 && countText === String(total), `features ${total}, count text ${countText}`);

  // Popup: zoom to a house and click it.
  const target = await page.evaluate(() => window.souseiViewer.vacantSource.getFeatures()[0].get('id'));
  await page.evaluate((id) => window.souseiViewer.zoomTo(id, 18), target);
  await page.waitForTimeout(600);
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

  // English toggle.
  await page.click('#lang');
  const title = (await page.textContent('h1')).trim();
  check('English toggle', title === 'Kumamoto vacant houses', title);
  await page.screenshot({ path: join(artifacts, 'viewer.png') });

  // Phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const panel = await page.locator('#panel').boundingBox();
  check('phone layout: the panel spans the screen width', panel && panel.width >= 380, JSON.stringify(panel));
  await page.screenshot({ path: join(artifacts, 'viewer-phone.png') });
  check('density tiles load', tilesLoaded > 0, `${tilesLoaded} tiles`);
  check('no console errors', errors.length === 0, errors.join(' | '));
  check('no request leaves the service', external.length === 0, external.join(' | '));
} finally {
  await browser.close();
}

writeFileSync(join(artifacts, 'viewer-checks.json'), JSON.stringify(checks, null, 2));
const failed = checks.filter((c) => !c.ok);
console.log(JSON.stringify({ passed: checks.length - failed.length, failed: failed.length, checks }));
process.exit(failed.length === 0 ? 0 : 1);
