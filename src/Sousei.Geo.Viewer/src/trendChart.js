// A small SVG line chart of density (persons/ha) by year against the target line, drawn without a library:
// the observed segment (first → last year of the resident data) solid, the projection dashed, the target a red
// dashed line, and the year each series crosses (or falls below) the target marked on that line.

const W = 320;
const H = 200;
const M = { left: 36, right: 10, top: 26, bottom: 22 };

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const r1 = (v) => Math.round(v * 10) / 10;

/** Tick values covering [min, max] at a 1–2–5 step giving about `count` ticks. */
export function niceTicks(min, max, count) {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return { ticks, step };
}

/** The year marked on the target line for one trend row, and whether it is a crossing up or a fall below. */
export function markerOf(row) {
  if (row.status === 'crosses' && row.crossing_year != null) return { year: row.crossing_year, kind: 'crosses' };
  if (row.status === 'meets' && row.falls_below_year != null) return { year: row.falls_below_year, kind: 'falls' };
  return null;
}

/**
 * Points of one /api/trend row: the first year's density (population_first / area_ha), then the projection
 * (which starts at the last year). Returns { history: [[year, d], …], projection: [[year, d], …] }.
 */
export function pointsOf(row, trend) {
  const history = [];
  if (row.area_ha > 0 && row.population_first != null && trend.first_year !== trend.last_year) {
    history.push([trend.first_year, row.population_first / row.area_ha]);
  }
  if (row.density_last != null) history.push([trend.last_year, row.density_last]);
  const projection = (row.projection ?? []).map((p) => [p.year, p.density_per_ha]);
  return { history, projection };
}

/**
 * SVG markup for the rows (the whole area first, then the chosen zone) of one /api/trend answer.
 * `series` is [{ row, color, label }]; `text` holds the translated words (target, year suffix, title).
 */
export function trendChartSvg(trend, series, text) {
  const target = trend.target_per_ha;
  const markers = series.map((s) => markerOf(s.row)).filter(Boolean).map((m) => m.year);
  // Show the observed years and about 30 years ahead, further when a marked year lies beyond; never past the horizon.
  const x0 = trend.first_year;
  const x1 = Math.max(x0 + 1, Math.min(trend.horizon_year, Math.max(trend.last_year + 30, ...markers.map((y) => y + 5))));
  const data = series.map((s) => {
    const { history, projection } = pointsOf(s.row, trend);
    return { ...s, history, projection: projection.filter(([y]) => y <= x1), marker: markerOf(s.row) };
  });
  const values = [target, ...data.flatMap((d) => [...d.history, ...d.projection].map(([, v]) => v))].filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.1, hi * 0.02, 0.5);
  lo = Math.max(0, lo - pad);
  hi += pad;
  const yTicks = niceTicks(lo, hi, 5);
  lo = Math.min(lo, yTicks.ticks[0] ?? lo);
  hi = Math.max(hi, yTicks.ticks.at(-1) ?? hi);
  const x = (year) => r1(M.left + ((year - x0) / (x1 - x0)) * (W - M.left - M.right));
  const y = (v) => r1(H - M.bottom - ((v - lo) / (hi - lo)) * (H - M.top - M.bottom));
  const digits = yTicks.step < 1 ? Math.min(3, Math.ceil(-Math.log10(yTicks.step))) : 0;
  const xTicks = niceTicks(x0, x1, 5).ticks.filter((v) => Number.isInteger(v));
  const line = (pts) => pts.map(([yr, v]) => `${x(yr)},${y(v)}`).join(' ');

  const parts = [];
  parts.push(`<svg id="trend-chart" class="trend-chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trend-chart-title" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title id="trend-chart-title">${esc(text.title)}</title>`);
  parts.push(`<g class="axis y">${yTicks.ticks.map((v) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${M.left - 4}" y="${y(v) + 3}" text-anchor="end">${v.toFixed(digits)}</text>`).join('')}</g>`);
  parts.push(`<g class="axis x"><line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" class="baseline"/>${xTicks.map((v) => `<line x1="${x(v)}" x2="${x(v)}" y1="${H - M.bottom}" y2="${H - M.bottom + 3}" class="baseline"/><text x="${x(v)}" y="${H - M.bottom + 13}" text-anchor="middle">${v}</text>`).join('')}</g>`);
  parts.push(`<line class="target-line" data-value="${target}" x1="${M.left}" x2="${W - M.right}" y1="${y(target)}" y2="${y(target)}"/>`);
  parts.push(`<text class="target-label" x="${W - M.right - 2}" y="${y(target) - 4}" text-anchor="end">${esc(text.target)} ${target}</text>`);
  data.forEach((d, i) => {
    parts.push(`<g class="series" data-id="${esc(d.row.id)}" data-status="${esc(d.row.status)}" style="--c:${d.color}">`);
    if (d.history.length > 1) parts.push(`<polyline class="history" points="${line(d.history)}"/>`);
    if (d.projection.length > 1) parts.push(`<polyline class="projection" points="${line(d.projection)}"/>`);
    parts.push(d.history.map(([yr, v]) => `<circle class="observed" cx="${x(yr)}" cy="${y(v)}" r="2.5"><title>${yr}: ${v.toFixed(2)}</title></circle>`).join(''));
    if (d.marker && d.marker.year <= x1) {
      const mx = x(d.marker.year);
      const labelY = M.top + 8 + i * 11;
      parts.push(`<g class="crossing ${d.marker.kind}" data-year="${d.marker.year}"><line x1="${mx}" x2="${mx}" y1="${labelY + 2}" y2="${H - M.bottom}"/>`
        + `<circle cx="${mx}" cy="${y(target)}" r="4"/><text x="${mx + 3}" y="${labelY}">${d.marker.kind === 'crosses' ? '↑' : '↓'}${d.marker.year}${esc(text.yearSuffix)}</text></g>`);
    }
    parts.push('</g>');
  });
  // Legend across the top.
  let lx = M.left;
  parts.push('<g class="legend">');
  for (const d of data) {
    parts.push(`<line x1="${lx}" x2="${lx + 14}" y1="10" y2="10" style="stroke:${d.color}"/><text x="${lx + 17}" y="13">${esc(d.label)}</text>`);
    lx += 24 + Math.min(140, [...d.label].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 10 : 5.6), 0));
  }
  parts.push('</g></svg>');
  return parts.join('');
}
