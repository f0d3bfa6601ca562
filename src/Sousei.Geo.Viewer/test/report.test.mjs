// Headless-Chromium check of the report document (Debian's chromium driven by playwright-core).
// Usage: node test/report.test.mjs REPORT_URL SCREENSHOT_PATH
// The document must be self-contained: no request other than the document itself (images are data: URIs), no console
// error, every image decoded, the KPI block present. Prints one JSON line with what it found; exit 1 on a failure.
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node test/report.test.mjs REPORT_URL SCREENSHOT_PATH');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const errors = [];
const requests = [];
let ok = true;
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  const found = await page.evaluate(() => ({
    kpi: document.querySelector('[data-key="kpi-density"]')?.textContent ?? null,
    images: [...document.images].map((i) => ({ complete: i.complete, width: i.naturalWidth })),
    charts: document.querySelectorAll('svg.chart').length,
    sections: [...document.querySelectorAll('section[id]')].map((s) => s.id),
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  const external = requests.filter((r) => r !== url);
  const broken = found.images.filter((i) => !i.complete || i.width === 0).length;
  ok = errors.length === 0 && external.length === 0 && broken === 0 && found.kpi !== null;
  console.log(JSON.stringify({ ok, errors, external, broken, ...found }));
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
