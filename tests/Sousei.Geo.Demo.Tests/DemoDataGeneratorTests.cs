using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.Demo.Tests;

/// <summary>
/// The demo generator on a small scale (2 % of the residents; the geography is full size), read
/// back with a plain GeoJSON parser rather than the generator's own structures; and the committed
/// store geodata/kumamoto read through the file store and the density engine.
/// </summary>
public sealed class DemoDataGeneratorTests : IClassFixture<DemoDataGeneratorTests.SmallStore>
{
    private const double Scale = 0.02;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly SmallStore _store;

    public DemoDataGeneratorTests(SmallStore store) => _store = store;

    [Fact]
    public void Same_seed_gives_identical_bytes_in_every_file()
    {
        using var again = new TempDirectory();
        new DemoDataGenerator(new DemoDataOptions(again.Path, 7, Scale)).Generate();

        var first = Files(_store.Directory);
        var second = Files(again.Path);
        Assert.Equal(first, second);
        Assert.Contains("households.geojson.gz", first);
        Assert.Contains("gtfs/demo-trunk/stop_times.txt", first);
        foreach (var name in first)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_store.Directory, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again.Path, name))), name + " differs");
        }
    }

    [Fact]
    public void Another_seed_gives_other_households()
    {
        using var other = new TempDirectory();
        new DemoDataGenerator(new DemoDataOptions(other.Path, 8, Scale)).Generate();
        Assert.NotEqual(Text(Path.Combine(_store.Directory, "households.geojson.gz")), Text(Path.Combine(other.Path, "households.geojson.gz")));
    }

    [Fact]
    public void Block_persons_equal_the_persons_of_the_households_inside_each_block_every_year()
    {
        var blocks = Read("town_blocks.geojson");
        var households = Read("households.geojson.gz");
        var years = blocks.Select(b => Int(b, "year")).Distinct().Order().ToList();
        Assert.Equal([2015, 2023], years);

        // One polygon per code; both years share it.
        var polygons = blocks.Where(b => Int(b, "year") == 2015).ToList();
        Assert.Equal(polygons.Count, blocks.Count(b => Int(b, "year") == 2023));
        Assert.InRange(polygons.Count, 1000, 2000);
        var tree = new STRtree<int>();
        var locators = polygons.Select(b => new IndexedPointInAreaLocator(b.Geometry)).ToArray();
        for (var i = 0; i < polygons.Count; i++)
        {
            tree.Insert(polygons[i].Geometry.EnvelopeInternal, i);
        }

        var code = polygons.Select(b => (string)b.Attributes["code"]).ToArray();
        var sums = new Dictionary<(string Code, int Year), long>();
        foreach (var h in households)
        {
            var c = h.Geometry.Coordinate;
            var inside = tree.Query(new Envelope(c)).Where(i => locators[i].Locate(c) != Location.Exterior).ToList();
            Assert.True(inside.Count == 1, $"household at {c} lies in {inside.Count} blocks");
            var key = (code[inside[0]], Int(h, "year"));
            sums[key] = sums.GetValueOrDefault(key) + Int(h, "persons");
        }

        foreach (var b in blocks)
        {
            Assert.Equal(sums.GetValueOrDefault(((string)b.Attributes["code"], Int(b, "year"))), Int(b, "persons"));
        }

        // Totals scale with the factor: 741,000 × 0.02 and 740,000 × 0.02.
        Assert.Equal(14_820, blocks.Where(b => Int(b, "year") == 2015).Sum(b => Int(b, "persons")));
        Assert.Equal(14_800, blocks.Where(b => Int(b, "year") == 2023).Sum(b => Int(b, "persons")));
        Assert.All(households, h => Assert.InRange(Int(h, "persons"), 1, 6));
    }

    [Fact]
    public void There_are_sixteen_hubs_one_central_with_the_city_names()
    {
        var hubs = Read("hubs.geojson");
        Assert.Equal(16, hubs.Count);
        Assert.Equal(["中心市街地"], hubs.Where(h => (string)h.Attributes["kind"] == "central").Select(h => (string)h.Attributes["name"]));
        string[] regional = ["植木", "北部", "楠・武蔵ヶ丘", "八景水谷・清水亀井", "子飼", "長嶺", "水前寺・九品寺", "健軍", "平成・南熊本", "刈草", "川尻", "富合", "城南", "城山", "上熊本"];
        Assert.Equal(regional.Order(), hubs.Where(h => (string)h.Attributes["kind"] == "regional").Select(h => (string)h.Attributes["name"]).Order());
        Assert.All(hubs, h => Assert.Matches("^[a-z-]+$", (string)h.Attributes["id"]));
        var central = hubs.Single(h => (string)h.Attributes["id"] == "central").Geometry.Coordinate;
        Assert.Equal(130.7100, central.X, 3);
        Assert.Equal(32.8030, central.Y, 3);
    }

    [Fact]
    public void Wards_are_valid_do_not_overlap_and_tile_the_official_city_area()
    {
        var zones = Read("zones.geojson");
        var wards = zones.Where(z => (string)z.Attributes["kind"] == "ward").ToList();
        Assert.Equal(["43101", "43102", "43103", "43104", "43105"], wards.Select(w => (string)w.Attributes["id"]));
        Assert.Equal(["中央区", "東区", "西区", "南区", "北区"], wards.Select(w => (string)w.Attributes["name"]));
        Assert.Equal(16, zones.Count(z => (string)z.Attributes["kind"] == "hub_area"));
        Assert.All(zones, z => Assert.True(z.Geometry.IsValid, (string)z.Attributes["id"] + " is invalid"));

        var projection = PlaneProjection.Kumamoto;
        var plane = wards.Select(w => projection.Project(w.Geometry)).ToList();
        for (var i = 0; i < plane.Count; i++)
        {
            for (var j = i + 1; j < plane.Count; j++)
            {
                Assert.True(plane[i].Intersection(plane[j]).Area < 1.0, $"wards {i} and {j} overlap");
            }
        }

        // The outline is scaled to 390.32 km²; rounding to 10⁻⁶ degree moves that by far less than 0.5 %.
        Assert.InRange(plane.Sum(p => p.Area) / 1e6, 388.4, 392.3);
    }

    [Fact]
    public void Every_output_is_rfc_7946_right_hand_rings_six_decimals_and_no_crs()
    {
        foreach (var name in new[] { "zones.geojson", "inducement_area.geojson", "town_blocks.geojson", "buildings.geojson.gz", "hubs.geojson", "vacant_houses.geojson", "households.geojson.gz" })
        {
            using var doc = JsonDocument.Parse(Text(Path.Combine(_store.Directory, name)));
            Assert.False(doc.RootElement.TryGetProperty("crs", out _), name + " has a crs member");
            foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var geometry = feature.GetProperty("geometry");
                var coordinates = geometry.GetProperty("coordinates");
                switch (geometry.GetProperty("type").GetString())
                {
                    case "Polygon":
                        CheckPolygon(coordinates, name);
                        break;
                    case "MultiPolygon":
                        foreach (var polygon in coordinates.EnumerateArray())
                        {
                            CheckPolygon(polygon, name);
                        }

                        break;
                    case "Point":
                        CheckPosition(coordinates, name);
                        break;
                    default:
                        Assert.Fail("unexpected geometry in " + name);
                        break;
                }
            }
        }
    }

    [Fact]
    public void The_inducement_area_is_one_feature_of_several_thousand_hectares_with_holes()
    {
        var area = Assert.Single(Read("inducement_area.geojson"));
        Assert.Equal("居住誘導区域", area.Attributes["name"]);
        Assert.True(area.Geometry.IsValid);
        var hectares = PlaneProjection.Kumamoto.AreaSquareMeters(area.Geometry) / 10_000;
        Assert.InRange(hectares, 4000, 8000);
        var polygons = Enumerable.Range(0, area.Geometry.NumGeometries).Select(i => (Polygon)area.Geometry.GetGeometryN(i)).ToList();
        Assert.True(polygons.Sum(p => p.NumInteriorRings) >= 1, "open land (熊本城, 江津湖, 立田山) should leave holes");
    }

    [Fact]
    public void Vacant_houses_carry_every_field_of_the_data_model_with_fake_owners()
    {
        var houses = Read("vacant_houses.geojson");
        Assert.Equal(60, houses.Count); // 3,000 × 0.02
        string[] fields = ["id", "vacancy_likelihood", "decay_rank", "built_year", "structure", "floor_area_m2", "land_area_m2", "frontage_road_width_m", "survey_date", "status", "owner_name", "owner_contact"];
        foreach (var h in houses)
        {
            Assert.Equal(fields.Order(), h.Attributes.GetNames().Order());
            Assert.Contains((string)h.Attributes["vacancy_likelihood"], new[] { "low", "medium", "high" });
            Assert.Contains((string)h.Attributes["decay_rank"], new[] { "low", "medium", "high" });
            Assert.Contains((string)h.Attributes["status"], new[] { "vacant", "listed", "under_repair", "demolished", "specified" });
            Assert.Matches(@"^2023-\d\d-\d\d$", (string)h.Attributes["survey_date"]);
            Assert.EndsWith("@example.invalid", (string)h.Attributes["owner_contact"]);
            Assert.StartsWith("所有者 ", (string)h.Attributes["owner_name"]);
        }

        Assert.Equal(houses.Count, houses.Select(h => (string)h.Attributes["id"]).Distinct().Count());
    }

    [Fact]
    public void Every_hub_has_a_gtfs_stop_within_300_metres_and_service_runs_every_weekday()
    {
        var folder = Path.Combine(_store.Directory, "gtfs", "demo-trunk");
        var stops = Csv(Path.Combine(folder, "stops.txt"))
            .Select(r => PlaneProjection.Kumamoto.Project(double.Parse(r["stop_lon"], CultureInfo.InvariantCulture), double.Parse(r["stop_lat"], CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var hub in Read("hubs.geojson"))
        {
            var (x, y) = PlaneProjection.Kumamoto.Project(hub.Geometry.Coordinate.X, hub.Geometry.Coordinate.Y);
            var nearest = stops.Min(s => Math.Sqrt((s.X - x) * (s.X - x) + (s.Y - y) * (s.Y - y)));
            Assert.True(nearest <= 300, $"{hub.Attributes["name"]}: nearest stop {nearest:F0} m");
        }

        var calendar = Assert.Single(Csv(Path.Combine(folder, "calendar.txt")));
        Assert.Equal(("1", "1", "0", "20260101", "20271231"), (calendar["monday"], calendar["friday"], calendar["sunday"], calendar["start_date"], calendar["end_date"]));
        Assert.Equal(["0", "2", "3"], Csv(Path.Combine(folder, "routes.txt")).Select(r => r["route_type"]).Distinct().Order());
        var times = Csv(Path.Combine(folder, "stop_times.txt")).Select(r => r["departure_time"]).ToList();
        Assert.Equal("06:00:00", times.Min(StringComparer.Ordinal));
        Assert.True(string.CompareOrdinal(times.Max(StringComparer.Ordinal), "23:00:00") <= 0);
    }

    /// <summary>The committed store: the households method must land near the strategy's 60.7 persons/ha.</summary>
    [Fact]
    public void Committed_demo_store_gives_a_households_density_between_58_and_63()
    {
        var store = Path.Combine(RepositoryRoot(), "geodata", "kumamoto");
        Assert.True(File.Exists(Path.Combine(store, "households.geojson.gz")), "geodata/kumamoto is missing; run sousei demo-data --out geodata/kumamoto --seed 1");
        var data = FileStoreReader.Load(store, PlaneProjection.Kumamoto).Dataset;
        var study = new StudyArea(data.InducementArea, [], PlaneProjection.Kumamoto);
        var latest = DensityCalculator.Compute(study, data, DensityMethod.Households, 2023);
        Assert.Equal(740_000, data.Households.Where(h => h.Year == 2023).Sum(h => h.Persons));
        Assert.Equal(741_000, data.Households.Where(h => h.Year == 2015).Sum(h => h.Persons));
        Assert.InRange(latest.Total.DensityPerHectare!.Value, 58, 63);
    }

    private static void CheckPolygon(JsonElement rings, string file)
    {
        var index = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var coordinates = ring.EnumerateArray().Select(p =>
            {
                CheckPosition(p, file);
                return new Coordinate(p[0].GetDouble(), p[1].GetDouble());
            }).ToArray();
            Assert.True(coordinates[0].Equals2D(coordinates[^1]), "open ring in " + file);
            var ccw = Orientation.IsCCW(coordinates);
            Assert.True(index == 0 ? ccw : !ccw, $"{file}: ring {index} has the wrong orientation");
            index++;
        }
    }

    private static void CheckPosition(JsonElement position, string file)
    {
        Assert.Equal(2, position.GetArrayLength());
        var lon = position[0];
        var lat = position[1];
        Assert.InRange(lon.GetDouble(), 130.5, 130.9);
        Assert.InRange(lat.GetDouble(), 32.55, 33.05);
        foreach (var n in new[] { lon, lat })
        {
            var text = n.GetRawText();
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            Assert.True(dot < 0 || text.Length - dot - 1 <= 6, $"{file}: {text} has more than 6 decimals");
        }
    }

    private List<IFeature> Read(string name)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return JsonSerializer.Deserialize<FeatureCollection>(Text(Path.Combine(_store.Directory, name)), options)!.ToList();
    }

    private static int Int(IFeature f, string name) => Convert.ToInt32(f.Attributes[name], CultureInfo.InvariantCulture);

    private static string Text(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v)).ToList();
    }

    private static List<string> Files(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sousei.Geo.sln not found above " + source);
    }

    /// <summary>One small store (seed 7, scale 0.02) shared by the tests of this class.</summary>
    public sealed class SmallStore : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public SmallStore()
        {
            new DemoDataGenerator(new DemoDataOptions(_directory.Path, 7, Scale)).Generate();
        }

        public string Directory => _directory.Path;

        public void Dispose() => _directory.Dispose();
    }

    private sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sousei-demo-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
    }
}
