using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// <c>sousei convert</c> and GeoParquet stores checked from outside (issue 12): DuckDB (npm @duckdb/node-api, its own
/// Parquet reader and writer) sees the rows, persons and <c>geo</c> metadata Sousei.Geo writes, and a file DuckDB writes
/// (a WKB blob column plus the geo key) is read by a store to the hand-computed density.
/// </summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sousei-convert-" + Guid.NewGuid().ToString("N"));

    public ConvertCommandTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [SkippableFact]
    public async Task Duckdb_reads_the_rows_persons_and_geo_metadata_that_convert_writes()
    {
        DuckDb.Require();
        // 300 households of 1–3 persons: 100 × (1 + 2 + 3) = 600 persons.
        var features = Enumerable.Range(0, 300).Select(i => Feature(Pt(i * 3, 10), $"{{\"persons\":{(i % 3) + 1},\"year\":2023,\"name\":\"戸{i}\"}}")).ToArray();
        Write("households.geojson", Collection(features));
        var parquet = Path.Combine(_dir, "households.parquet");
        var r = CliRun.Run("convert", "--in", Path.Combine(_dir, "households.geojson"), "--out", parquet);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("converted 300 features with 3 properties from GeoJSON to GeoParquet", r.Out, StringComparison.Ordinal);

        var rows = await DuckDb.Query($"select count(*) as n, sum(persons) as persons, min(year) as y0, max(year) as y1, count(distinct name) as names from '{parquet}'");
        Assert.Equal((300L, 600L, 2023L, 2023L, 300L), (Long(rows[0]!["n"]), Long(rows[0]!["persons"]), Long(rows[0]!["y0"]), Long(rows[0]!["y1"]), Long(rows[0]!["names"])));
        var kv = await DuckDb.Query($"select decode(key) as k, decode(value) as v from parquet_kv_metadata('{parquet}')");
        var geo = JsonNode.Parse((string)kv.Single(x => (string?)x!["k"] == "geo")!["v"]!)!;
        Assert.Equal("1.1.0", (string?)geo["version"]);
        Assert.Equal("geometry", (string?)geo["primary_column"]);
        Assert.Equal("WKB", (string?)geo["columns"]!["geometry"]!["encoding"]);
        Assert.Equal(["Point"], geo["columns"]!["geometry"]!["geometry_types"]!.AsArray().Select(t => (string?)t));
        // DuckDB reads the geo key itself and types the column as a CRS84 geometry: the first point as it wrote it.
        var first = await DuckDb.Query($"select ST_AsText(geometry) as wkt, persons, name from '{parquet}' limit 1");
        var (lon, lat) = VacantStore.LonLat(0, 10);
        var wkt = ((string)first[0]!["wkt"]!).Replace("POINT (", "", StringComparison.Ordinal).TrimEnd(')').Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(lon, wkt[0], 9);
        Assert.Equal(lat, wkt[1], 9);
        Assert.Equal("戸0", (string?)first[0]!["name"]);
    }

    [SkippableFact]
    public async Task A_layer_duckdb_writes_is_read_by_a_store_to_the_hand_computed_density()
    {
        DuckDb.Require();
        // Area 200 m × 100 m = 2 ha. Inside: 60 + 61 = 121 persons (60.5 /ha); outside: 500 persons.
        Write("inducement_area.geojson", Collection(Feature(Rect(0, 0, 200, 100), "{\"name\":\"area\"}")));
        var rows = new[] { (50.0, 50.0, 60), (150.0, 50.0, 61), (500.0, 500.0, 500) };
        var values = string.Join(", ", rows.Select(p => string.Create(CultureInfo.InvariantCulture, $"('{WkbHex(p.Item1, p.Item2)}', {p.Item3})")));
        const string Geo = "{\"version\":\"1.1.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"geometry_types\":[\"Point\"]}}}";
        var target = Path.Combine(_dir, "households.parquet");
        await DuckDb.Query($"copy (select from_hex(h) as geometry, persons::integer as persons, 2023 as year from (values {values}) t(h, persons)) to '{target}' (format parquet, kv_metadata {{geo: '{Geo}'}})", "select 1 as done");

        var r = CliRun.Run("density", "--data", _dir, "--method", "households", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(121, doc.RootElement.GetProperty("population").GetDouble());
        Assert.Equal(60.5, doc.RootElement.GetProperty("density_per_ha").GetDouble(), 6);
        Assert.Equal(621, doc.RootElement.GetProperty("city_population").GetDouble());
    }

    [Fact]
    public void Geojson_to_parquet_and_back_keeps_every_feature_and_property()
    {
        var text = Collection(
            Feature(Pt(0, 0), "{\"id\":\"a\",\"persons\":2,\"share\":0.5,\"vacant\":true,\"note\":null,\"tags\":{\"k\":[1,2]}}"),
            Feature(Rect(10, 10, 20, 20), "{\"id\":\"b\",\"persons\":3,\"share\":1,\"vacant\":false,\"note\":\"熊本\"}"));
        Write("layer.geojson", text);
        var parquet = Path.Combine(_dir, "layer.parquet");
        var back = Path.Combine(_dir, "back.geojson");
        Assert.Equal(0, CliRun.Run("convert", "--in", Path.Combine(_dir, "layer.geojson"), "--out", parquet).ExitCode);
        var r = CliRun.Run("convert", "--in", parquet, "--out", back);
        Assert.True(r.ExitCode == 0, r.Error);
        var features = JsonNode.Parse(File.ReadAllText(back))!["features"]!.AsArray();
        var original = JsonNode.Parse(text)!["features"]!.AsArray();
        Assert.Equal(2, features.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(JsonNode.DeepEquals(original[i]!["geometry"], features[i]!["geometry"]), $"geometry {i}");
            var p = features[i]!["properties"]!.AsObject();
            Assert.Equal((string?)original[i]!["properties"]!["id"], (string?)p["id"]);
            Assert.Equal((long)original[i]!["properties"]!["persons"]!, (long)p["persons"]!);
            Assert.Equal((double)original[i]!["properties"]!["share"]!, (double)p["share"]!);
            Assert.Equal((bool)original[i]!["properties"]!["vacant"]!, (bool)p["vacant"]!);
        }

        Assert.Null(features[0]!["properties"]!["note"]);
        Assert.Equal("熊本", (string?)features[1]!["properties"]!["note"]);
        Assert.Equal("{\"k\":[1,2]}", (string?)features[0]!["properties"]!["tags"]); // nested values travel as their JSON text
    }

    [Theory]
    [InlineData("not-parquet.parquet", "hello", "not-parquet.parquet: is not a Parquet file")]
    [InlineData("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{]}", "broken.geojson:1: not valid JSON")]
    public void A_bad_input_exits_2_naming_it_and_writes_nothing(string name, string content, string expected)
    {
        Write(name, content);
        var output = Path.Combine(_dir, name.EndsWith(".parquet", StringComparison.Ordinal) ? "out.geojson" : "out.parquet");
        var r = CliRun.Run("convert", "--in", Path.Combine(_dir, name), "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(_dir, name)], Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("layer.shp", "layer.parquet", "layer.shp': the format is not known")]
    [InlineData("layer.geojson", "layer.csv", "layer.csv': the format is not known")]
    [InlineData("layer.geojson", "layer.geojson", "the same file")]
    public void Unknown_formats_and_the_same_file_are_usage_errors(string input, string output, string expected)
    {
        Write("layer.geojson", Collection());
        var r = CliRun.Run("convert", "--in", Path.Combine(_dir, input), "--out", Path.Combine(_dir, output));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    private static long Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : long.Parse((string)node!, CultureInfo.InvariantCulture);

    /// <summary>ISO WKB of a point at plane metres (x, y) from 通町筋, little-endian, as hex.</summary>
    private static string WkbHex(double x, double y)
    {
        var (lon, lat) = VacantStore.LonLat(x, y);
        var bytes = new byte[21];
        bytes[0] = 1;
        BitConverter.TryWriteBytes(bytes.AsSpan(1), 1u);
        BitConverter.TryWriteBytes(bytes.AsSpan(5), lon);
        BitConverter.TryWriteBytes(bytes.AsSpan(13), lat);
        return Convert.ToHexString(bytes);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text, new UTF8Encoding(false));

    private static string Collection(params string[] f) => VacantStore.Collection(f);

    private static string Feature(string g, string p) => VacantStore.Feature(g, p);

    private static string Pt(double x, double y) => VacantStore.Pt(x, y);

    private static string Rect(double x, double y, double w, double h) => VacantStore.Rect(x, y, w, h);
}
