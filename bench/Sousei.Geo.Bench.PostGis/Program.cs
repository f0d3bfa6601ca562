using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Npgsql;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.PostGis;
using Sousei.Geo.PostGis.Density;
using Sousei.Geo.PostGis.Import;
using Sousei.Geo.PostGis.Schema;

// PostGIS benchmarks of issue 3: binary COPY import of N random households, SQL density over them,
// and the same import by ogr2ogr from a GeoJSON file in /tmp. Each figure is the median of several
// runs, each in a fresh schema. Usage: dotnet run -c Release -- [households=1000000] [runs=3]
// Connection string: SOUSEI_BENCH_DB, else SOUSEI_TEST_DB.
var inv = CultureInfo.InvariantCulture;
var n = args.Length > 0 ? int.Parse(args[0], inv) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], inv) : 3;
var admin = Environment.GetEnvironmentVariable("SOUSEI_BENCH_DB") ?? Environment.GetEnvironmentVariable("SOUSEI_TEST_DB")
    ?? throw new InvalidOperationException("set SOUSEI_BENCH_DB or SOUSEI_TEST_DB (source scripts/test-services.sh start)");

var rng = new Random(42);
var f = new GeometryFactory(new PrecisionModel(), 4326);
// Kumamoto-sized extent: about 20 km × 20 km; the inducement area is a polygon over part of it.
const double lon0 = 130.60, lat0 = 32.70, width = 0.21, height = 0.18;
var households = new List<Household>(n);
for (var i = 0; i < n; i++)
{
    households.Add(new Household(lon0 + rng.NextDouble() * width, lat0 + rng.NextDouble() * height, rng.Next(1, 6), 2024));
}

var ring = Enumerable.Range(0, 64).Select(k =>
{
    var a = 2 * Math.PI * k / 64;
    var r = 0.06 + 0.02 * Math.Sin(5 * a);
    return new Coordinate(lon0 + width / 2 + r * Math.Cos(a), lat0 + height / 2 + r * Math.Sin(a) * 0.85);
}).ToList();
ring.Add(ring[0]);
var area = f.CreatePolygon(ring.ToArray());
var zones = Enumerable.Range(0, 8).Select(k => new Zone($"z{k}", $"zone {k}", "ward",
    f.CreatePolygon([new(lon0 + k * width / 8, lat0), new(lon0 + (k + 1) * width / 8, lat0), new(lon0 + (k + 1) * width / 8, lat0 + height), new(lon0 + k * width / 8, lat0 + height), new(lon0 + k * width / 8, lat0)]))).ToList();

string NewSchema()
{
    var schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
    Exec(admin, $"CREATE SCHEMA {schema}");
    return schema;
}

string In(string schema) => new NpgsqlConnectionStringBuilder(admin) { SearchPath = $"{schema},public", CommandTimeout = 0 }.ConnectionString;

var importSeconds = new List<double>();
var loadSeconds = new List<double>();
var densitySeconds = new List<double>();
var zonesDensitySeconds = new List<double>();
string? keep = null;
for (var run = 0; run < runs; run++)
{
    var schema = NewSchema();
    using var db = PostGisDatabase.Create(In(schema));
    Migrator.Migrate(db);
    PostGisImporter.Import(db, "43100", new ImportBatch { Source = "bench", InducementArea = [("area", area)] });
    var watch = Stopwatch.StartNew();
    var report = PostGisImporter.Import(db, "43100", new ImportBatch { Source = "bench", Households = households });
    importSeconds.Add(watch.Elapsed.TotalSeconds);
    var layer = report.Layers.Single();
    loadSeconds.Add(layer.Write.TotalSeconds);
    Console.WriteLine($"run {run + 1}: binary COPY import of {n:N0} households: {watch.Elapsed.TotalSeconds:F2} s in all = delete + COPY {layer.Write.TotalSeconds:F2} s, primary key + GiST build {layer.IndexBuild.TotalSeconds:F2} s, the rest (ANALYZE, commit) {(watch.Elapsed - layer.Write - layer.IndexBuild).TotalSeconds:F2} s");
    if (keep is null)
    {
        keep = schema;
    }
    else
    {
        Exec(admin, $"DROP SCHEMA {schema} CASCADE");
    }
}

using (var db = PostGisDatabase.Create(In(keep!)))
{
    var engine = new SqlDensityEngine(db, "43100", PlaneProjection.Kumamoto);
    engine.Compute(Sousei.Geo.Core.Density.DensityMethod.Households, 2024); // warm-up: caches, plans
    for (var run = 0; run < Math.Max(5, runs); run++)
    {
        var watch = Stopwatch.StartNew();
        var r = engine.Compute(Sousei.Geo.Core.Density.DensityMethod.Households, 2024);
        densitySeconds.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"SQL density (households, no zones): {watch.Elapsed.TotalSeconds:F3} s, population {r.Total.Population:N0}, {r.Total.AreaHectares:N1} ha");
    }

    PostGisImporter.Import(db, "43100", new ImportBatch { Source = "bench", Zones = zones });
    engine = new SqlDensityEngine(db, "43100", PlaneProjection.Kumamoto);
    for (var run = 0; run < Math.Max(5, runs); run++)
    {
        var watch = Stopwatch.StartNew();
        engine.Compute(Sousei.Geo.Core.Density.DensityMethod.Households, 2024);
        zonesDensitySeconds.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"SQL density (households, {zones.Count} zones): {watch.Elapsed.TotalSeconds:F3} s");
    }
}

Exec(admin, $"DROP SCHEMA {keep} CASCADE");

// The same households as GeoJSON in /tmp, for ogr2ogr and for sousei's own file import.
var tmp = Path.Combine(Path.GetTempPath(), "sousei-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(tmp);
var geojson = Path.Combine(tmp, "households.geojson");
using (var w = new StreamWriter(geojson, false, new UTF8Encoding(false), 1 << 20))
{
    w.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (var i = 0; i < n; i++)
    {
        var h = households[i];
        w.Write(string.Create(inv, $"{(i == 0 ? "" : ",\n")}{{\"type\":\"Feature\",\"properties\":{{\"persons\":{h.Persons},\"year\":{h.Year}}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{h.Longitude:R},{h.Latitude:R}]}}}}"));
    }

    w.Write("\n]}\n");
}

File.WriteAllText(Path.Combine(tmp, "inducement_area.geojson"),
    $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{\"name\":\"area\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", area.Coordinates.Select(c => string.Create(inv, $"[{c.X:R},{c.Y:R}]")))}]]}}}}]}}");
var sizeMb = new FileInfo(geojson).Length / 1e6;
Console.WriteLine($"households.geojson: {sizeMb:F0} MB in {tmp}");

var fileImportSeconds = new List<double>();
var ogrSeconds = new List<double>();
var b = new NpgsqlConnectionStringBuilder(admin);
for (var run = 0; run < runs; run++)
{
    var schema = NewSchema();
    using (var db = PostGisDatabase.Create(In(schema)))
    {
        Migrator.Migrate(db);
        var watch = Stopwatch.StartNew();
        PostGisImporter.Import(db, "43100", FileStoreBatch.Read(tmp, PlaneProjection.Kumamoto));
        fileImportSeconds.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"run {run + 1}: sousei import of the GeoJSON store (parse + validate + COPY): {watch.Elapsed.TotalSeconds:F2} s");
    }

    var pg = $"PG:host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}" + (string.IsNullOrEmpty(b.Password) ? "" : $" password={b.Password}");
    var psi = new ProcessStartInfo("ogr2ogr")
    {
        ArgumentList = { "-f", "PostgreSQL", pg, geojson, "-nln", $"{schema}.households_ogr", "-lco", "GEOMETRY_NAME=geom", "-lco", "SPATIAL_INDEX=GIST", "-lco", "FID=fid", "-nlt", "POINT", "-a_srs", "EPSG:4326", "-gt", "65536", "--config", "PG_USE_COPY", "YES" },
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };
    var ogrWatch = Stopwatch.StartNew();
    using (var p = Process.Start(psi)!)
    {
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            Console.WriteLine("ogr2ogr failed: " + ConnectionStrings.Scrub(err.Result, admin));
        }
    }

    ogrSeconds.Add(ogrWatch.Elapsed.TotalSeconds);
    Console.WriteLine($"run {run + 1}: ogr2ogr GeoJSON → PostGIS (COPY, GiST): {ogrWatch.Elapsed.TotalSeconds:F2} s, rows {Scalar(admin, $"SELECT count(*) FROM {schema}.households_ogr")}");
    Exec(admin, $"DROP SCHEMA {schema} CASCADE");
}

Directory.Delete(tmp, true);
double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
Console.WriteLine();
Console.WriteLine($"| what | median of {runs} runs | rate |");
Console.WriteLine("|---|---:|---:|");
Console.WriteLine($"| binary COPY import, {n:N0} households, load only (sort, delete, COPY into the table without indexes) | {Median(loadSeconds):F2} s | {n / Median(loadSeconds):N0} rows/s |");
Console.WriteLine($"| binary COPY import, {n:N0} households, whole transaction (load, PK + GiST build, ANALYZE, commit) | {Median(importSeconds):F2} s | {n / Median(importSeconds):N0} rows/s |");
Console.WriteLine($"| `sousei import` of households.geojson ({sizeMb:F0} MB; parse, validate, COPY) | {Median(fileImportSeconds):F2} s | {n / Median(fileImportSeconds):N0} rows/s |");
Console.WriteLine($"| `ogr2ogr` of the same households.geojson (PG_USE_COPY, GiST) | {Median(ogrSeconds):F2} s | {n / Median(ogrSeconds):N0} rows/s |");
Console.WriteLine($"| SQL density, households method, {n:N0} households, no zones (median of {densitySeconds.Count}) | {Median(densitySeconds):F3} s | |");
Console.WriteLine($"| SQL density, households method, {n:N0} households, {zones.Count} zones (median of {zonesDensitySeconds.Count}) | {Median(zonesDensitySeconds):F3} s | |");

static void Exec(string cs, string sql)
{
    using var conn = new NpgsqlConnection(cs);
    conn.Open();
    using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
    cmd.ExecuteNonQuery();
}

static object? Scalar(string cs, string sql)
{
    using var conn = new NpgsqlConnection(cs);
    conn.Open();
    using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
    return cmd.ExecuteScalar();
}
