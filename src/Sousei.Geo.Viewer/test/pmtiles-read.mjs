// Reads a PMTiles archive with the npm `pmtiles` package (Protomaps' reader, independent of Sousei.Geo's own) and
// prints one JSON object: the header, the metadata, and tiles (decompressed by the package, base64).
//   node test/pmtiles-read.mjs FILE [--all] [--ids] [Z/X/Y ...]
//   --all   every tile of the header's zooms whose place meets the header's bounds (one more tile on each side),
//           found by asking the archive for each: an independent count of the tiles it holds
//   --ids   also print the package's zxyToTileId of each Z/X/Y given
import { openAsBlob } from "node:fs";
import { FileSource, PMTiles, zxyToTileId } from "pmtiles";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: node test/pmtiles-read.mjs FILE [--all] [--ids] [Z/X/Y ...]");
  process.exit(2);
}

const blob = await openAsBlob(file);
const archive = new PMTiles(new FileSource(new File([blob], file)));
const header = await archive.getHeader();
const metadata = await archive.getMetadata();
const wanted = rest.filter((a) => !a.startsWith("--")).map((a) => a.split("/").map(Number));

function column(lon, n) {
  return Math.floor(((lon + 180) / 360) * n);
}

function row(lat, n) {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
}

if (rest.includes("--all")) {
  for (let z = header.minZoom; z <= header.maxZoom; z++) {
    const n = 2 ** z;
    const clamp = (v) => Math.max(0, Math.min(n - 1, v));
    for (let y = clamp(row(header.maxLat, n) - 1); y <= clamp(row(header.minLat, n) + 1); y++) {
      for (let x = clamp(column(header.minLon, n) - 1); x <= clamp(column(header.maxLon, n) + 1); x++) {
        wanted.push([z, x, y]);
      }
    }
  }
}

const tiles = [];
for (const [z, x, y] of wanted) {
  const tile = await archive.getZxy(z, x, y);
  if (tile || !rest.includes("--all")) {
    tiles.push({ z, x, y, data: tile ? Buffer.from(tile.data).toString("base64") : null });
  }
}

const ids = rest.includes("--ids") ? wanted.map(([z, x, y]) => ({ z, x, y, id: zxyToTileId(z, x, y) })) : undefined;
const { etag, ...plainHeader } = header;
process.stdout.write(JSON.stringify({ header: plainHeader, metadata, tiles, ids }));
