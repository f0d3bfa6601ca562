using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;

// Density benchmark (issue 2): the households method on N household points against a multipart area of
// about 20,000 vertices, in memory and from GeoJSON, and PostGIS doing the same count on the same data
// when SOUSEI_BENCH_DB (an Npgsql connection string) is set. Data is generated (seeded) in a temp folder.
var inv = CultureInfo.InvariantCulture;
var count = args.Length > 0 ? int.Parse(args[0], inv) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], inv) : 7;
var projection = PlaneProjection.Kumamoto;
var random = new Random(20261129);
var gf = new GeometryFactory(new PrecisionModel(), 4326);

// 16 wobbly discs around Kumamoto's hubs, 1,600 vertices each; after the union of overlapping discs about 20,000 vertices.
(double Lon, double Lat)[] hubs =
[
    (130.71007, 32.80305), (130.69925, 32.81781), (130.68189, 32.88034), (130.72289, 32.84095), (130.77031, 32.85002),
    (130.72970, 32.79684), (130.76130, 32.77832), (130.71236, 32.78536), (130.67982, 32.74456), (130.67290, 32.71407),
    (130.686, 32.862), (130.7265, 32.8135), (130.7675, 32.8095), (130.7055, 32.7605), (130.7200, 32.6490), (130.6550, 32.8040),
];
var parts = new List<Polygon>();
foreach (var (lon, lat) in hubs)
{
    var (cx, cy) = projection.Project(lon, lat);
    var radius = 900 + random.NextDouble() * 900;
    var ring = new Coordinate[1601];
    for (var i = 0; i < 1600; i++)
    {
        var t = 2 * Math.PI * i / 1600;
        var r = radius * (1 + 0.15 * Math.Sin(7 * t) + 0.05 * Math.Sin(31 * t));
        var (x, y) = projection.Unproject(cx + r * Math.Cos(t), cy + r * Math.Sin(t));
        ring[i] = new Coordinate(x, y);
    }

    ring[1600] = ring[0].Copy();
    parts.Add(gf.CreatePolygon(ring));
}

var area = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts.Cast<Geometry>().ToList());
area.SRID = 4326;
var households = new Household[count];
for (var i = 0; i < count; i++)
{
    var (lon, lat) = hubs[random.Next(hubs.Length)];
    var (cx, cy) = projection.Project(lon, lat);
    var d = Math.Sqrt(random.NextDouble()) * 3000;
    var a = random.NextDouble() * 2 * Math.PI;
    var (x, y) = projection.Unproject(cx + d * Math.Cos(a), cy + d * Math.Sin(a));
    households[i] = new Household(Math.Round(x, 7), Math.Round(y, 7), random.Next(1, 6), 2023);
}

var data = new CityDataset { InducementArea = area, Households = households };
Console.WriteLine($"# density bench: {count:N0} households, area {area.NumGeometries} parts / {area.NumPoints:N0} vertices, {Environment.ProcessorCount} cores, {RuntimeInformationText()}");

var sw = Stopwatch.StartNew();
var study = new StudyArea(area, [], projection);
var prepareMs = sw.Elapsed.TotalMilliseconds;
var population = 0.0;
var times = Measure(runs, () => population = DensityCalculator.Compute(study, data, DensityMethod.Households, 2023).Total.Population);
Console.WriteLine($"prepare study area: {prepareMs:F0} ms");
Console.WriteLine($"households method, in memory: median {Median(times):F0} ms (min {times.Min():F0}, max {times.Max():F0}) over {runs} runs; population inside {population:N0}");

// A file store on disk (households.geojson + inducement_area.geojson) → FileStoreReader (parse + validate) → count.
var storeDir = Path.Combine(Path.GetTempPath(), $"sousei-bench-store-{count}");
Directory.CreateDirectory(storeDir);
var tmp = Path.Combine(storeDir, "households.geojson");
WriteGeoJson(tmp, households);
var jsonOptions = new System.Text.Json.JsonSerializerOptions(); jsonOptions.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
File.WriteAllText(Path.Combine(storeDir, "inducement_area.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"bench\"},\"geometry\":" + System.Text.Json.JsonSerializer.Serialize(area, jsonOptions) + "}]}");
var fileMb = new FileInfo(tmp).Length / 1e6;
var loaded = 0.0;
var parseTimes = Measure(Math.Min(runs, 3), () =>
{
    var store = Sousei.Geo.IO.FileStore.FileStoreReader.Load(storeDir, projection);
    loaded = DensityCalculator.Compute(new StudyArea(store.Dataset.InducementArea, [], projection), store.Dataset, DensityMethod.Households, 2023).Total.Population;
});
Console.WriteLine($"end to end from the file store ({fileMb:F0} MB households GeoJSON): read + validate + count median {Median(parseTimes):F0} ms; population inside {loaded:N0}");

var conn = Environment.GetEnvironmentVariable("SOUSEI_BENCH_DB");
if (!string.IsNullOrEmpty(conn))
{
    var builder = new NpgsqlDataSourceBuilder(conn);
    builder.UseNetTopologySuite();
    await using var db = builder.Build();
    await using var c = await db.OpenConnectionAsync();
    await Exec(c, "DROP TABLE IF EXISTS bench_h; DROP TABLE IF EXISTS bench_a; CREATE TABLE bench_h (geom geometry(Point,4326), persons int, year int); CREATE TABLE bench_a (geom geometry(MultiPolygon,4326));");
    await using (var importer = await c.BeginBinaryImportAsync("COPY bench_h (geom, persons, year) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var h in households)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync((Geometry)gf.CreatePoint(new Coordinate(h.Longitude, h.Latitude)), NpgsqlDbType.Geometry);
            await importer.WriteAsync(h.Persons, NpgsqlDbType.Integer);
            await importer.WriteAsync(h.Year, NpgsqlDbType.Integer);
        }

        await importer.CompleteAsync();
    }

    await using (var insert = new NpgsqlCommand("INSERT INTO bench_a VALUES (ST_Multi(@g))", c))
    {
        insert.Parameters.AddWithValue("g", area);
        await insert.ExecuteNonQueryAsync();
    }

    await Exec(c, "CREATE INDEX ON bench_h USING gist (geom); ANALYZE bench_h; ANALYZE bench_a;");
    long sqlPopulation = 0;
    var sqlTimes = new List<double>();
    for (var i = 0; i < Math.Min(runs, 5); i++)
    {
        var t = Stopwatch.StartNew();
        await using var q = new NpgsqlCommand("SELECT sum(h.persons) FROM bench_h h JOIN bench_a a ON ST_Covers(a.geom, h.geom) WHERE h.year = 2023", c);
        sqlPopulation = Convert.ToInt64(await q.ExecuteScalarAsync(), inv);
        sqlTimes.Add(t.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"PostGIS ST_Covers + GiST, same data: median {Median(sqlTimes):F0} ms over {sqlTimes.Count} runs; population inside {sqlPopulation:N0} ({(sqlPopulation == (long)population ? "equal" : "DIFFERENT")})");
    await Exec(c, "DROP TABLE bench_h; DROP TABLE bench_a;");
}
else
{
    Console.WriteLine("PostGIS: skipped (set SOUSEI_BENCH_DB to an Npgsql connection string)");
}

Directory.Delete(storeDir, true);
return;

static async Task Exec(NpgsqlConnection c, string sql)
{
    await using var cmd = new NpgsqlCommand(sql, c);
    cmd.CommandTimeout = 600;
    await cmd.ExecuteNonQueryAsync();
}

static List<double> Measure(int runs, Action action)
{
    action(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    return times;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static void WriteGeoJson(string path, Household[] households)
{
    using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    w.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (var i = 0; i < households.Length; i++)
    {
        var h = households[i];
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{h.Longitude},{h.Latitude}]}},\"properties\":{{\"persons\":{h.Persons},\"year\":{h.Year}}}}}"));
        w.Write(i + 1 < households.Length ? ",\n" : "\n");
    }

    w.Write("]}\n");
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
