// Lints GeoJSON files with @mapbox/geojsonhint (RFC 7946, right-hand rule included).
// Usage: node test/geojsonhint.mjs FILE... ; prints the problems as JSON and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const geojsonhint = require('@mapbox/geojsonhint');
let failed = false;
for (const file of process.argv.slice(2)) {
  const problems = geojsonhint.hint(readFileSync(file, 'utf8'), { noDuplicateMembers: true });
  if (problems.length > 0) {
    failed = true;
    console.log(JSON.stringify({ file, problems: problems.slice(0, 20) }));
  }
}
console.log(failed ? 'geojsonhint: problems found' : 'geojsonhint: ok');
process.exit(failed ? 1 : 0);
