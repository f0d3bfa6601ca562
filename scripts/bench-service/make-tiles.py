#!/usr/bin/env python3
"""Writes tiles.txt (every XYZ tile over the data's extent for the benchmarked layers) and pgtiles.csv.

Usage: make-tiles.py BASE_URL   (reads the extent from BASE_URL/api/status)
"""
import json, math, sys, urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
ext = json.load(urllib.request.urlopen(base + "/api/status"))["extent"]

def tile(lon, lat, z):
    n = 2 ** z
    r = math.radians(lat)
    return int((lon + 180) / 360 * n), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)

urls, rows = [], []
for layer, zooms in [("town_blocks", range(10, 15)), ("vacant_houses", range(10, 16)), ("households", range(10, 15)), ("buildings", range(14, 16))]:
    for z in zooms:
        x0, y1 = tile(ext[0], ext[1], z)
        x1, y0 = tile(ext[2], ext[3], z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                urls.append(f"/tiles/{layer}/{z}/{x}/{y}.mvt")
                if layer != "households":
                    rows.append(f"{layer},{z},{x},{y}")
open("tiles.txt", "w").write("\n".join(urls) + "\n")
open("pgtiles.csv", "w").write("\n".join(rows) + "\n")
print(f"{len(urls)} tiles, {len(rows)} for PostGIS")
