using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Bench;

/// <summary>
/// The seeded data of the scale bench (issue 12), written to a temporary folder: an inducement area made of 16 wobbly
/// discs around Kumamoto's hubs (about 14,000 vertices after the union) and N household points, most of them near a
/// hub, 1–5 persons each, year 2023. The same households are written as CSV for the PostGIS peer's COPY.
/// </summary>
internal sealed class ScaleData
{
    private static readonly (double Lon, double Lat)[] Hubs =
    [
        (130.71007, 32.80305), (130.69925, 32.81781), (130.68189, 32.88034), (130.72289, 32.84095), (130.77031, 32.85002),
        (130.72970, 32.79684), (130.76130, 32.77832), (130.71236, 32.78536), (130.67982, 32.74456), (130.67290, 32.71407),
        (130.686, 32.862), (130.7265, 32.8135), (130.7675, 32.8095), (130.7055, 32.7605), (130.7200, 32.6490), (130.6550, 32.8040),
    ];

    private ScaleData(string directory, int count, Geometry area)
    {
        Directory = directory;
        Count = count;
        Area = area;
    }

    public string Directory { get; }

    public int Count { get; }

    public Geometry Area { get; }

    public string HouseholdsGeoJson => Path.Combine(Directory, "households.geojson");

    public string HouseholdsCsv => Path.Combine(Directory, "households.csv");

    /// <summary>Writes (or reuses, when complete) the store of <paramref name="count"/> households under the temp folder.</summary>
    public static ScaleData Create(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sousei-bench-scale-{count}");
        var area = MakeArea();
        var data = new ScaleData(dir, count, area);
        var done = Path.Combine(dir, ".complete");
        if (File.Exists(done))
        {
            return data;
        }

        System.IO.Directory.CreateDirectory(dir);
        WriteArea(Path.Combine(dir, "inducement_area.geojson"), area);
        WriteHouseholds(data, count);
        File.WriteAllText(done, "");
        return data;
    }

    private static Geometry MakeArea()
    {
        var projection = PlaneProjection.Kumamoto;
        var random = new Random(20261201);
        var gf = new GeometryFactory(new PrecisionModel(), 4326);
        var parts = new List<Geometry>();
        foreach (var (lon, lat) in Hubs)
        {
            var (cx, cy) = projection.Project(lon, lat);
            var radius = 900 + random.NextDouble() * 900;
            var ring = new Coordinate[1201];
            for (var i = 0; i < 1200; i++)
            {
                var t = 2 * Math.PI * i / 1200;
                var r = radius * (1 + 0.15 * Math.Sin(7 * t) + 0.05 * Math.Sin(31 * t));
                var (x, y) = projection.Unproject(cx + r * Math.Cos(t), cy + r * Math.Sin(t));
                ring[i] = new Coordinate(Math.Round(x, 7), Math.Round(y, 7));
            }

            ring[1200] = ring[0].Copy();
            parts.Add(gf.CreatePolygon(ring));
        }

        var area = UnaryUnionOp.Union(parts);
        area.SRID = 4326;
        return area;
    }

    private static void WriteArea(string path, Geometry area)
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"bench\"},\"geometry\":"
            + System.Text.Json.JsonSerializer.Serialize(area, options) + "}]}\n");
    }

    private static void WriteHouseholds(ScaleData data, int count)
    {
        var projection = PlaneProjection.Kumamoto;
        var random = new Random(20261202);
        var inv = CultureInfo.InvariantCulture;
        using var json = new StreamWriter(data.HouseholdsGeoJson, false, new UTF8Encoding(false), 1 << 20);
        using var csv = new StreamWriter(data.HouseholdsCsv, false, new UTF8Encoding(false), 1 << 20);
        json.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < count; i++)
        {
            var (lon, lat) = Hubs[random.Next(Hubs.Length)];
            var (cx, cy) = projection.Project(lon, lat);
            var d = Math.Sqrt(random.NextDouble()) * 3000;
            var a = random.NextDouble() * 2 * Math.PI;
            var (x, y) = projection.Unproject(cx + d * Math.Cos(a), cy + d * Math.Sin(a));
            x = Math.Round(x, 7);
            y = Math.Round(y, 7);
            var persons = random.Next(1, 6);
            json.Write(string.Create(inv, $"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{x},{y}]}},\"properties\":{{\"persons\":{persons},\"year\":2023}}}}"));
            json.Write(i + 1 < count ? ",\n" : "\n");
            csv.Write(string.Create(inv, $"SRID=4326;POINT({x} {y}),{persons},2023\n"));
        }

        json.Write("]}\n");
    }
}
