#!/usr/bin/env python3
"""Writes the hostile-input corpus of issue 14 (tests/Corpus/cases): one folder per case, each a small file store (or
command line) that differs from a valid one in one thing, with case.json saying the command, the exit code and the words
the error must hold. Run from the repository root: python3 tests/Corpus/generate.py (deterministic; the cases are
committed, CorpusTests runs them)."""
import json, os, shutil, gzip, zipfile, io

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")

def fc(features): return {"type": "FeatureCollection", "features": features}
def feat(geom, props): return {"type": "Feature", "geometry": geom, "properties": props}
def pt(x, y): return {"type": "Point", "coordinates": [x, y]}
def sq(x, y, d): return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}

BASE = {
    "inducement_area.geojson": fc([feat(sq(130.70, 32.79, 0.02), {"name": "居住誘導区域"})]),
    "zones.geojson": fc([feat(sq(130.69, 32.78, 0.04), {"id": "43101", "name": "中央区", "kind": "ward"})]),
    "hubs.geojson": fc([feat(pt(130.705, 32.795), {"id": "central", "name": "中心", "kind": "central"}),
                        feat(pt(130.715, 32.805), {"id": "north", "name": "北", "kind": "regional"})]),
    "households.geojson": fc([feat(pt(130.705, 32.795), {"persons": 2, "year": 2023}),
                              feat(pt(130.712, 32.801), {"persons": 3, "year": 2023}),
                              feat(pt(130.75, 32.85), {"persons": 1, "year": 2023})]),
    "town_blocks.geojson": fc([feat(sq(130.70, 32.79, 0.01), {"code": "B1", "name": "一丁目", "persons": 120, "year": 2020})]),
    "vacant_houses.geojson": fc([feat(pt(130.706, 32.796), {"id": "V1", "status": "vacant", "structure": "wood", "built_year": 1975}),
                                 feat(pt(130.713, 32.802), {"id": "V2", "status": "listed", "structure": "rc", "built_year": 1990})]),
}
GTFS = {
    "agency.txt": "agency_id,agency_name,agency_url,agency_timezone\nA,テスト交通,https://example.org,Asia/Tokyo\n",
    "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nS1,中心,32.7952,130.7052\nS2,北,32.8048,130.7148\n",
    "routes.txt": "route_id,agency_id,route_short_name,route_type\nR1,A,1,3\n",
    "trips.txt": "route_id,service_id,trip_id\nR1,WD,T1\nR1,WD,T2\n",
    "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,07:00:00,07:00:00,S1,1\nT1,07:10:00,07:10:00,S2,2\nT2,08:00:00,08:00:00,S1,1\nT2,08:10:00,08:10:00,S2,2\n",
    "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260101,20261231\n",
}

cases = []

def case(name, args, exit_code, contains, files=None, raw=None, gtfs=None, binary=None, out=False):
    """files: layer name -> JSON object replacing the base; raw: file -> text (None deletes); gtfs: file -> text (None deletes); binary: file -> bytes."""
    cases.append((name, args, exit_code, contains, files or {}, raw or {}, gtfs, binary or {}, out))

DENSITY = ["density", "--data", "{dir}", "--method", "households"]
BLOCKS = ["density", "--data", "{dir}", "--method", "blocks"]
VACANT = ["vacant", "rank", "--data", "{dir}", "--no-transit"]
HUBS = ["hubs", "--data", "{dir}", "--date", "2026-05-12"]
FREQ = ["frequency", "--data", "{dir}", "--date", "2026-05-12"]

# 1. Syntax: the households layer cut at many places, and other damage (each named: households.geojson).
text = json.dumps(BASE["households.geojson"], ensure_ascii=False)
for i, cut in enumerate(range(1, len(text) - 1, max(1, len(text) // 40))):
    case(f"syntax-cut-{i:02d}", DENSITY, 2, ["households.geojson"], raw={"households.geojson": text[:cut]})
for i, (what, t) in enumerate([("empty", ""), ("blank", "   \n"), ("null", "null"), ("array", "[]"), ("number", "42"), ("string", '"x"'),
                               ("trailing-garbage", text + "garbage"), ("two-collections", text + text), ("nul-padding", text + "\u0000" * 100),
                               ("single-quotes", text.replace('"', "'")),
                               ("no-features", '{"type":"FeatureCollection"}'), ("features-object", '{"type":"FeatureCollection","features":{}}'),
                               ("feature-not-object", '{"type":"FeatureCollection","features":[1]}'), ("wrong-type", '{"type":"Feature","features":[]}'),
                               ("deep-nesting", "[" * 5000 + "]" * 5000), ("unclosed-string", '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[130.7,32.8]},"properties":{"persons":"2')]):
    case(f"syntax-{what}", DENSITY, 2, ["households.geojson"], raw={"households.geojson": t})

# 2. Property values of every layer.
bad_values = {"string": "many", "negative": -1, "fraction": 2.5, "huge": 1e400, "overflow": 3000000000, "null": None, "bool": True, "list": [1], "object": {"n": 1}, "nan-text": "NaN"}
for key, value in bad_values.items():
    hh = json.loads(json.dumps(BASE["households.geojson"]))
    if key == "huge":
        raw = json.dumps(hh).replace('"persons": 2', '"persons": 1e400', 1)
        case(f"households-persons-{key}", DENSITY, 2, ["households.geojson", "persons"], raw={"households.geojson": raw})
        continue
    hh["features"][0]["properties"]["persons"] = value
    case(f"households-persons-{key}", DENSITY, 2, ["households.geojson", "persons"], files={"households.geojson": hh})
    hh = json.loads(json.dumps(BASE["households.geojson"]))
    hh["features"][1]["properties"]["year"] = value if key != "negative" else 1200
    case(f"households-year-{key}", DENSITY, 2, ["households.geojson", "year"], files={"households.geojson": hh})
    tb = json.loads(json.dumps(BASE["town_blocks.geojson"]))
    tb["features"][0]["properties"]["persons"] = value
    case(f"town-blocks-persons-{key}", BLOCKS, 2, ["town_blocks.geojson", "persons"], files={"town_blocks.geojson": tb})
for prop, value, words in [("kind", "capital", "kind"), ("kind", None, "kind"), ("id", None, "id")]:
    hb = json.loads(json.dumps(BASE["hubs.geojson"]))
    hb["features"][1]["properties"][prop] = value
    case(f"hubs-{prop}-{str(value).lower()}", HUBS, 2, ["hubs.geojson", words], files={"hubs.geojson": hb})
hb = json.loads(json.dumps(BASE["hubs.geojson"]))
hb["features"][1]["properties"]["kind"] = "central"
case("hubs-two-central", HUBS, 2, ["hubs.geojson", "central"], files={"hubs.geojson": hb})
hb = json.loads(json.dumps(BASE["hubs.geojson"]))
hb["features"][1]["properties"]["id"] = "central"
case("hubs-duplicate-id", HUBS, 2, ["hubs.geojson", "central"], files={"hubs.geojson": hb})
for prop, value in [("built_year", "old"), ("built_year", 99999), ("floor_area_m2", -5), ("id", None), ("status", 7), ("survey_date", "yesterday")]:
    vh = json.loads(json.dumps(BASE["vacant_houses.geojson"]))
    vh["features"][0]["properties"][prop] = value
    case(f"vacant-{prop}-{str(value).lower()}", VACANT, 2, ["vacant_houses.geojson"], files={"vacant_houses.geojson": vh})
vh = json.loads(json.dumps(BASE["vacant_houses.geojson"]))
vh["features"][1]["properties"]["id"] = "V1"
case("vacant-duplicate-id", VACANT, 2, ["vacant_houses.geojson", "V1"], files={"vacant_houses.geojson": vh})
for prop, value in [("id", None), ("id", "")]:
    zn = json.loads(json.dumps(BASE["zones.geojson"]))
    zn["features"][0]["properties"][prop] = value
    case(f"zones-{prop}-{str(value).lower() or 'empty'}", DENSITY, 2, ["zones.geojson"], files={"zones.geojson": zn})
# Documented tolerances (docs/data-model.md): accepted, exit 0.
hb = json.loads(json.dumps(BASE["hubs.geojson"]))
hb["features"][1]["properties"]["name"] = 5
case("tolerated-hub-name-number", HUBS, 0, [], files={"hubs.geojson": hb})
for prop, value in [("kind", None), ("kind", 3)]:
    zn = json.loads(json.dumps(BASE["zones.geojson"]))
    zn["features"][0]["properties"][prop] = value
    case(f"tolerated-zones-{prop}-{str(value).lower()}", DENSITY, 0, [], files={"zones.geojson": zn})

# 3. Geometries.
bad_geoms = {
    "missing": None, "empty-coords": {"type": "Point", "coordinates": []}, "one-coord": {"type": "Point", "coordinates": [130.7]},
    "string-coords": {"type": "Point", "coordinates": ["130.7", "32.8"]}, "out-of-range": pt(230.7, 132.8), "swapped": pt(32.8, 130.7),
    "far-away": pt(-70.0, 40.0), "line": {"type": "LineString", "coordinates": [[130.7, 32.8], [130.71, 32.8]]},
    "unknown-type": {"type": "Circle", "coordinates": [130.7, 32.8]}, "no-type": {"coordinates": [130.7, 32.8]},
    "nested-collection": {"type": "GeometryCollection", "geometries": [pt(130.7, 32.8)]}, "null-coords": {"type": "Point", "coordinates": None},
}
for key, g in bad_geoms.items():
    hh = json.loads(json.dumps(BASE["households.geojson"]))
    hh["features"][0]["geometry"] = g
    case(f"households-geometry-{key}", DENSITY, 2, ["households.geojson"], files={"households.geojson": hh})
bad_polys = {
    "unclosed": {"type": "Polygon", "coordinates": [[[130.70, 32.79], [130.72, 32.79], [130.72, 32.81], [130.70, 32.81]]]},
    "bowtie": {"type": "Polygon", "coordinates": [[[130.70, 32.79], [130.72, 32.81], [130.72, 32.79], [130.70, 32.81], [130.70, 32.79]]]},
    "two-points": {"type": "Polygon", "coordinates": [[[130.70, 32.79], [130.70, 32.79]]]}, "point": pt(130.7, 32.8),
    "empty": {"type": "Polygon", "coordinates": []}, "ring-of-numbers": {"type": "Polygon", "coordinates": [[1, 2, 3, 4]]},
    "hole-outside": {"type": "Polygon", "coordinates": [[[130.70, 32.79], [130.72, 32.79], [130.72, 32.81], [130.70, 32.81], [130.70, 32.79]], [[130.80, 32.90], [130.81, 32.90], [130.81, 32.91], [130.80, 32.90]]]},
    "spike": {"type": "Polygon", "coordinates": [[[130.70, 32.79], [130.72, 32.79], [130.73, 32.80], [130.72, 32.79], [130.72, 32.81], [130.70, 32.81], [130.70, 32.79]]]},
}
for key, g in bad_polys.items():
    for layer, args in [("inducement_area.geojson", DENSITY), ("zones.geojson", DENSITY), ("town_blocks.geojson", BLOCKS)]:
        obj = json.loads(json.dumps(BASE[layer]))
        obj["features"][0]["geometry"] = g
        case(f"{layer.split('.')[0].replace('_', '-')}-geometry-{key}", args, 2, [layer], files={layer: obj})

# 4. Encodings and file kinds.
hh_text = json.dumps(BASE["households.geojson"], ensure_ascii=False)
case("encoding-utf16", DENSITY, 2, ["households.geojson", "UTF-16"], binary={"households.geojson": hh_text.encode("utf-16")})
case("encoding-shift-jis", DENSITY, 2, ["zones.geojson", "Shift_JIS"], binary={"zones.geojson": json.dumps(BASE["zones.geojson"], ensure_ascii=False).encode("shift_jis")})
case("encoding-invalid-bytes", DENSITY, 2, ["households.geojson"], binary={"households.geojson": hh_text.encode("utf-8").replace(b"persons", b"pers\xff\xfens", 1)})
case("encoding-lone-surrogate", DENSITY, 2, ["households.geojson"], raw={"households.geojson": hh_text.replace('"year": 2023', '"year": 2023, "note": "\\ud800"', 1)})
case("encoding-bom", DENSITY, 0, [], binary={"households.geojson": b"\xef\xbb\xbf" + hh_text.encode("utf-8")})
case("tolerated-comment", DENSITY, 0, [], raw={"households.geojson": "// c\n" + hh_text})
case("tolerated-trailing-comma", DENSITY, 0, [], raw={"households.geojson": hh_text[:-2] + ",]}"})
case("gzip-not-gzip", DENSITY, 2, ["households.geojson.gz"], binary={"households.geojson.gz": hh_text.encode("utf-8")}, raw={"households.geojson": None})
case("gzip-truncated", DENSITY, 2, ["households.geojson.gz"], binary={"households.geojson.gz": gzip.compress(hh_text.encode("utf-8"), mtime=0)[:40]}, raw={"households.geojson": None})
case("gzip-two-members", DENSITY, 2, ["households.geojson.gz"], binary={"households.geojson.gz": gzip.compress(hh_text.encode(), mtime=0) + gzip.compress(hh_text.encode(), mtime=0)}, raw={"households.geojson": None})
case("gzip-bomb", DENSITY, 2, ["households.geojson.gz"], binary={"households.geojson.gz": gzip.compress(b" " * (300 * 1024 * 1024), compresslevel=9, mtime=0)}, raw={"households.geojson": None})
case("layer-is-directory", DENSITY, 2, ["households.geojson"], raw={"households.geojson": None}, binary={"households.geojson/x": b"x"})
case("missing-inducement-area", DENSITY, 2, ["inducement_area"], raw={"inducement_area.geojson": None})

# 5. GTFS.
def g(**changes):
    feed = dict(GTFS)
    feed.update(changes)
    return feed
gtfs_cases = {
    "no-stops": g(**{"stops.txt": None}), "no-stop-times": g(**{"stop_times.txt": None}), "no-calendar": g(**{"calendar.txt": None}),
    "bad-time": g(**{"stop_times.txt": GTFS["stop_times.txt"].replace("07:10:00,07:10:00", "07:61:00,07:61:00")}),
    "time-text": g(**{"stop_times.txt": GTFS["stop_times.txt"].replace("07:10:00,07:10:00", "soon,soon")}),
    "unknown-stop": g(**{"stop_times.txt": GTFS["stop_times.txt"].replace("T1,07:10:00,07:10:00,S2", "T1,07:10:00,07:10:00,S9")}),
    "unknown-trip": g(**{"stop_times.txt": GTFS["stop_times.txt"] + "T9,09:00:00,09:00:00,S1,1\n"}),
    "unknown-route": g(**{"trips.txt": GTFS["trips.txt"].replace("R1,WD,T2", "R9,WD,T2")}),
    "bad-lat": g(**{"stops.txt": GTFS["stops.txt"].replace("32.7952", "north")}),
    "lat-out-of-range": g(**{"stops.txt": GTFS["stops.txt"].replace("32.7952", "132.7952")}),
    "bad-date": g(**{"calendar.txt": GTFS["calendar.txt"].replace("20261231", "20261341")}),
    "calendar-ends-before": g(**{"calendar.txt": GTFS["calendar.txt"].replace("20260101,20261231", "20261231,20260101")}),
    "missing-column": g(**{"stops.txt": "stop_id,stop_name,stop_lat\nS1,中心,32.7952\n"}),
    "duplicate-stop": g(**{"stops.txt": GTFS["stops.txt"] + "S1,again,32.8,130.7\n"}),
    "sequence-text": g(**{"stop_times.txt": GTFS["stop_times.txt"].replace("S2,2\n", "S2,two\n", 1)}),
    "decreasing-times": g(**{"stop_times.txt": GTFS["stop_times.txt"].replace("T1,07:10:00,07:10:00", "T1,06:10:00,06:10:00")}),
    "frequency-zero": g(**{"frequencies.txt": "trip_id,start_time,end_time,headway_secs\nT1,07:00:00,09:00:00,0\n"}),
    "frequency-unknown-trip": g(**{"frequencies.txt": "trip_id,start_time,end_time,headway_secs\nT9,07:00:00,09:00:00,600\n"}),
    "frequency-end-before-start": g(**{"frequencies.txt": "trip_id,start_time,end_time,headway_secs\nT1,09:00:00,07:00:00,600\n"}),
    "empty-stops": g(**{"stops.txt": ""}), "binary-stops": g(**{"stops.txt": "\u0000\u0001\u0002"}),
    "quote-unclosed": g(**{"stops.txt": 'stop_id,stop_name,stop_lat,stop_lon\nS1,"中心,32.7952,130.7052\n'}),
}
for key, feed in gtfs_cases.items():
    case(f"gtfs-{key}", FREQ, 2, ["gtfs"], gtfs=feed)
def zipped(feed, mutate=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in feed.items():
            if content is not None:
                z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content)
    data = bytearray(buf.getvalue())
    return bytes(mutate(data) if mutate else data)
def central(data, name):
    i = data.find(b"PK\x01\x02")
    while i >= 0 and data[i + 46:i + 46 + len(name)] != name:
        i = data.find(b"PK\x01\x02", i + 4)
    return i
def flip_crc(data):
    i = central(data, b"stops.txt"); data[i + 16] ^= 0xFF; return data
def encrypt_flag(data):
    i = central(data, b"stops.txt"); data[i + 8] |= 1; return data
case("gtfs-zip-crc", FREQ, 2, ["feed.zip"], binary={"gtfs/feed.zip": zipped(GTFS, flip_crc)})
case("gtfs-zip-encrypted", FREQ, 2, ["feed.zip"], binary={"gtfs/feed.zip": zipped(GTFS, encrypt_flag)})
case("gtfs-zip-truncated", FREQ, 2, ["feed.zip"], binary={"gtfs/feed.zip": zipped(GTFS)[:200]})
case("gtfs-zip-not-zip", FREQ, 2, ["feed.zip"], binary={"gtfs/feed.zip": b"this is not a zip file"})
case("gtfs-zip-empty", FREQ, 2, ["feed.zip"], binary={"gtfs/feed.zip": b""})

# 6. store.json.
for i, (what, t, words) in enumerate([("not-json", "{", "store.json"), ("array", "[]", "store.json"), ("unknown", '{"titel":"x"}', "titel"),
                                       ("basis", '{"population_basis":"registry"}', "population_basis"), ("code", '{"city_code":"431"}', "city_code"),
                                       ("synthetic", '{"synthetic":"yes"}', "synthetic"), ("sources", '{"sources":{}}', "sources"),
                                       ("credit", '{"sources":[{"layer":"x"}]}', "credit"), ("year", '{"sources":[{"layer":"x","credit":"y","year":"2020"}]}', "year"),
                                       ("url", '{"sources":[{"layer":"x","credit":"y","url":"file:///etc/passwd"}]}', "url"),
                                       ("title-long", '{"title":"' + "x" * 300 + '"}', "title"), ("title-empty", '{"title":""}', "title")]):
    case(f"store-json-{what}", DENSITY, 2, ["store.json", words], raw={"store.json": t})

# 7. Scenarios.
for what, t, words in [("not-json", "{", "scenario"), ("no-name", '{"modifications":[{"type":"remove_routes","id":"a","routes":["feed:R1"]}]}', "name"),
                       ("no-mods", '{"name":"x","modifications":[]}', "modifications"), ("bad-type", '{"name":"x","modifications":[{"type":"teleport","id":"a"}]}', "type"),
                       ("unknown-route", '{"name":"x","modifications":[{"type":"remove_routes","id":"a","routes":["feed:R9"]}]}', "R9"),
                       ("bad-headway", '{"name":"x","modifications":[{"type":"adjust_headway","id":"a","routes":["feed:R1"],"from":"07:00","to":"09:00","headway_minutes":-5}]}', "headway"),
                       ("bad-factor", '{"name":"x","modifications":[{"type":"adjust_speed","id":"a","routes":["feed:R1"],"factor":0}]}', "factor"),
                       ("dup-id", '{"name":"x","modifications":[{"type":"remove_routes","id":"a","routes":["feed:R1"]},{"type":"remove_routes","id":"a","routes":["feed:R1"]}]}', "'a'")]:
    case(f"scenario-{what}", HUBS + ["--scenario", "{dir}/s.json"], 2, [words], raw={"s.json": t})

# 8. Command lines (on the valid store).
for what, extra, words in [("unknown-option", ["--bogus", "1"], "--bogus"), ("stray", ["2020"], "2020"), ("single-dash", ["-target", "100"], "-target"),
                           ("target-text", ["--target", "lots"], "--target"), ("target-negative", ["--target", "-1"], "--target"), ("year-text", ["--year", "last"], "--year"),
                           ("method-bad", ["--method", "magic"], "--method"), ("format-bad", ["--format", "docx"], "--format"), ("out-dir-missing", ["--out", "/nonexistent/x.json"], "--out"),
                           ("empty-value", ["--target", ""], "--target"), ("repeated", ["--target", "1", "--target", "2"], "--target"), ("engine-sql-no-db", ["--engine", "sql"], "engine"),
                           ("lang-bad", ["--format", "csv", "--lang", "fr"], "--lang"), ("xlsx-no-out", ["--format", "xlsx"], "--out")]:
    case(f"cli-density-{what}", ["density", "--data", "{dir}"] + extra, 2, [words])
for what, args, words in [("percentiles-empty-item", HUBS + ["--percentiles", "10,,90"], "--percentiles"), ("percentiles-101", HUBS + ["--percentiles", "101"], "--percentiles"),
                          ("window-bad", HUBS + ["--window", "9-7"], "--window"), ("date-bad", ["hubs", "--data", "{dir}", "--date", "2026-13-01"], "--date"),
                          ("max-rides-zero", HUBS + ["--max-rides", "0"], "--max-rides"), ("walk-speed-text", HUBS + ["--walk-speed", "fast"], "--walk-speed"),
                          ("arrive-by-bad", HUBS + ["--arrive-by", "7h"], "--arrive-by"), ("data-empty", ["density", "--data", ""], "--data"),
                          ("data-missing", ["density", "--data", "{dir}/nope"], "nope"), ("data-is-file", ["density", "--data", "{dir}/hubs.geojson"], "hubs.geojson"),
                          ("map-zero-bbox", ["map", "--data", "{dir}", "--out", "{out}/m.png", "--bbox", "130.7,32.8,130.7,32.9"], "--bbox"),
                          ("map-size", ["map", "--data", "{dir}", "--out", "{out}/m.png", "--width", "100000"], "--width"),
                          ("report-pdf-no-out", ["report", "--data", "{dir}", "--format", "pdf"], "--out"),
                          ("vacant-filter-bad", VACANT + ["--filter", "colour=red"], "colour"), ("vacant-top-zero", VACANT + ["--top", "0"], "--top"),
                          ("whatif-none", ["whatif", "--data", "{dir}"], "occupy"), ("isochrone-no-origin", ["isochrone", "--data", "{dir}"], "hub"),
                          ("unknown-command", ["densty", "--data", "{dir}"], "densty"), ("serve-bad-url", ["serve", "--data", "{dir}", "--urls", "notaurl"], "--urls"),
                          ("serve-ftp", ["serve", "--data", "{dir}", "--urls", "ftp://127.0.0.1:5000"], "--urls"), ("db-bad-conn", ["density", "--db", "Host=;;;", "--city", "43100"], "--db"),
                          ("city-bad", ["density", "--db", "Host=127.0.0.1;Port=1", "--city", "9"], "--city"), ("tiles-or-export-bad-format", ["export", "layers", "--data", "{dir}", "--format", "shp", "--out", "{out}/x.shp"], "--format")]:
    case(f"cli-{what}", args, 2, [words])

BASE_DIR = os.path.join(os.path.dirname(ROOT), "base")
shutil.rmtree(ROOT, ignore_errors=True)
shutil.rmtree(BASE_DIR, ignore_errors=True)
os.makedirs(os.path.join(BASE_DIR, "gtfs", "feed"))
for layer, obj in BASE.items():
    with open(os.path.join(BASE_DIR, layer), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)
for fname, content in GTFS.items():
    with open(os.path.join(BASE_DIR, "gtfs", "feed", fname), "w", encoding="utf-8", newline="") as f:
        f.write(content)

# A case folder holds only what differs from base/ (the malformed files) and case.json: the command, the exit code, the
# words the error must hold, and the base files it removes.
for (name, args, exit_code, contains, files, raw, gtfs, binary, out) in cases:
    d = os.path.join(ROOT, name)
    os.makedirs(d)
    remove = []
    for layer, obj in files.items():
        if obj is None:
            remove.append(layer)
            continue
        with open(os.path.join(d, layer), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False)
    if gtfs is not None:
        for fname, content in gtfs.items():
            if content is None:
                remove.append("gtfs/feed/" + fname)
            elif GTFS.get(fname) != content:
                os.makedirs(os.path.join(d, "gtfs", "feed"), exist_ok=True)
                with open(os.path.join(d, "gtfs", "feed", fname), "w", encoding="utf-8", newline="") as f:
                    f.write(content)
    if any(k.startswith("gtfs/") and k.endswith(".zip") for k in binary):
        remove.append("gtfs/feed")
    for fname, t in raw.items():
        if t is None:
            remove.append(fname)
            continue
        with open(os.path.join(d, fname), "w", encoding="utf-8", newline="") as f:
            f.write(t)
    for fname, data in binary.items():
        p = os.path.join(d, fname)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
    if "households.geojson/x" in binary:
        remove.append("households.geojson")
    with open(os.path.join(d, "case.json"), "w", encoding="utf-8") as f:
        json.dump({"args": args, "exit": exit_code, "stderr_contains": contains, "remove": sorted(set(remove))}, f, ensure_ascii=False, indent=1)
print(f"{len(cases)} cases in {ROOT}")

# 9. HTTP requests to the service on the valid store (CorpusRequestTests): status and, for 4xx, a ProblemDetails body.
requests = []
def req(path, status, words=None, method="GET", headers=None):
    requests.append({"method": method, "path": path, "status": status, "contains": words or [], "headers": headers or {}})
for p in ["density", "trend", "report", "hubs/matrix", "frequency", "coverage", "accessibility", "isochrones", "vacant/ranking", "vacant/whatif", "compare"]:
    req(f"/api/{p}?bogus=1", 400, ["bogus"])
    req(f"/api/{p}?format=docx", 400, ["format"])
for q, words in [("method=magic", "method"), ("year=last", "year"), ("target=-1", "target"), ("target=lots", "target"), ("target=1&target=2", "target"),
                 ("engine=sql", "engine"), ("f=csv&format=csv", "f"), ("format=csv&lang=fr", "lang"), ("trend=maybe", "trend"), ("year=99999", "year")]:
    req(f"/api/density?{q}", 400, [words])
for q, words in [("percentiles=10,,90", "percentiles"), ("percentiles=101", "percentiles"), ("window=9-7", "window"), ("date=2026-13-01", "date"),
                 ("max_rides=0", "max_rides"), ("walk_speed=fast", "walk_speed"), ("arrive_by=7h", "arrive_by"), ("scenario=../../etc/passwd", "scenario"),
                 ("scenario=nope", "scenario"), ("access_radius=-5", "access_radius")]:
    req(f"/api/hubs/matrix?{q}", 400, [words])
for q, words in [("lon=abc&lat=32.8", "lon"), ("lon=130.7", "lat"), ("hub=nowhere", "hub"), ("lon=0&lat=0", "lon"), ("minutes=0", "minutes"), ("shape=blob&hub=central", "shape")]:
    req(f"/api/isochrones?{q}", 400, [words])
for q, words in [("filter=colour=red", "colour"), ("top=0", "top"), ("top=abc", "top"), ("weights=x:1", "weights")]:
    req(f"/api/vacant/ranking?{q}", 400, [words])
for q, words in [("occupy_top=-1", "occupy_top"), ("occupy_ids=", "occupy_ids"), ("persons_per_household=0&occupy_top=1", "persons_per_household")]:
    req(f"/api/vacant/whatif?{q}", 400, [words])
for path, status, words in [("/ogc/collections/nope", 404, []), ("/ogc/collections/vacant_houses/items?limit=-1", 400, ["limit"]), ("/ogc/collections/vacant_houses/items?bbox=1,2,3", 400, ["bbox"]),
                            ("/ogc/collections/vacant_houses/items/NOPE", 404, []), ("/ogc/collections/vacant_houses/items?f=xml", 400, []),
                            ("/tiles/nope/1/1/1.mvt", 400, ["layer"]), ("/tiles/vacant_houses/99/1/1.mvt", 400, []), ("/tiles/vacant_houses/2/9/9.mvt", 400, []),
                            ("/api/map.png?width=0", 400, ["width"]), ("/api/map.png?bbox=130.7,32.8,130.7,32.9", 400, ["bbox"]), ("/api/map.png?layers=nope", 400, ["layers"]),
                            ("/api/export/vacant_houses.geojson?filter=colour=red", 400, ["colour"]), ("/api/export/vacant_houses.geojson?bbox=a,b,c,d", 400, ["bbox"]),
                            ("/api/report.html?lang=fr", 400, ["lang"]), ("/api/export/layers.gpkg?method=magic", 400, ["method"]), ("/api/nope", 404, []),
                            ("/api/density#post", 405, []), ("/api/status?x=1", 400, ["x"]), ("/" + "a" * 9000, 414, []),
                            ("/ogc/collections/vacant_houses/items?filter=" + "x" * 5000, 400, [])]:
    if path.endswith("#post"):
        req(path[:-5], status, words, method="POST")
    else:
        req(path, status, words)
req("/api/density", 431, [], headers={f"X-Pad-{i}": "y" * 100 for i in range(80)})
with open(os.path.join(os.path.dirname(ROOT), "requests.json"), "w", encoding="utf-8") as f:
    json.dump(requests, f, ensure_ascii=False, indent=1)
print(f"{len(requests)} requests; {len(cases) + len(requests)} cases in all")
