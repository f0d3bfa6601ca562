using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Cli.Tests.Parity;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.IO.Tiles;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// <c>sousei tiles</c> on the vacant-house store with its tram (households in cells, vacant houses, two stops), read
/// back by readers that are not ours: the npm <c>pmtiles</c> package and the <c>sqlite3</c> CLI; each tile compared
/// with what the service serves at <c>/tiles/{layer}/{z}/{x}/{y}.mvt</c>.
/// </summary>
public sealed class TilesCommandTests : IDisposable
{
    private static readonly string[] Layers = ["households", "town_blocks", "buildings", "vacant_houses", "transit_stops"];

    private readonly VacantStore _store = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sousei-tiles-" + Guid.NewGuid().ToString("N"));

    public TilesCommandTests()
    {
        _store.AddTram();
        _store.WriteFile("store.json", """{"title":"Tile test","sources":[{"layer":"households","credit":"Credit A"},{"layer":"gtfs","credit":"Credit B"}]}""");
        Directory.CreateDirectory(_out);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_out, true);
    }

    [SkippableFact]
    public async Task Pmtiles_read_by_the_npm_package_hold_every_service_tile_of_the_extent_byte_for_byte()
    {
        ExternalTool.Require("node", "nodejs");
        Skip.IfNot(Directory.Exists(Path.Combine(RepoPaths.Root, "src", "Sousei.Geo.Viewer", "node_modules", "pmtiles")) || ExternalTool.InCi,
            "src/Sousei.Geo.Viewer/node_modules/pmtiles is missing (npm install there)");
        var file = Path.Combine(_out, "city.pmtiles");
        var r = CliRun.Run("tiles", "--data", _store.Dir, "--out", file, "--minzoom", "10", "--maxzoom", "16");
        Assert.True(r.ExitCode == 0, r.Error);
        var read = await ReadWithNpm(file, "--all", "--ids", "0/0/0", "1/0/0", "1/0/1", "1/1/1", "1/1/0", "3/3/5");
        var header = read["header"]!;
        var tiles = read["tiles"]!.AsArray();

        // The tile count three ways: the command's line, the header, and the package asking for every tile of the bounds.
        Assert.Contains($": {tiles.Count} tiles", r.Out, StringComparison.Ordinal);
        Assert.Equal(tiles.Count, (int)header["numAddressedTiles"]!);
        Assert.Equal(10, (int)header["minZoom"]!);
        Assert.Equal(16, (int)header["maxZoom"]!);
        Assert.Equal(1, (int)header["tileType"]!);
        Assert.Equal(2, (int)header["tileCompression"]!);
        Assert.True((bool)header["clustered"]!);
        var city = City.Open(new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto));
        var e = city.Extent;
        Near(e.MinX, (double)header["minLon"]!);
        Near(e.MinY, (double)header["minLat"]!);
        Near(e.MaxX, (double)header["maxLon"]!);
        Near(e.MaxY, (double)header["maxLat"]!);
        var metadata = read["metadata"]!;
        Assert.Equal("Credit A / Credit B", (string?)metadata["attribution"]);
        Assert.Equal(Layers, metadata["vector_layers"]!.AsArray().Select(l => (string?)l!["id"]));
        var vacantFields = metadata["vector_layers"]!.AsArray().Single(l => (string?)l!["id"] == "vacant_houses")!["fields"]!.AsObject();
        Assert.Equal("String", (string?)vacantFields["decay_rank"]);
        Assert.DoesNotContain("owner_name", vacantFields.Select(f => f.Key));

        // Tile ids as the package computes them: 0; the z1 tiles in Hilbert order 1..4; 3/3/5 = 49 (see PmTileIdTests).
        // Then every tile looked up: the package's id is ours (PmTileId), tile for tile.
        var ids = read["ids"]!.AsArray();
        Assert.Equal([0L, 1, 2, 3, 4, 49], ids.Take(6).Select(i => (long)i!["id"]!));
        Assert.All(ids, i => Assert.Equal((ulong)i!["id"]!, PmTileId.FromZxy((int)i["z"]!, (int)i["x"]!, (int)i["y"]!)));

        await using var server = await ParityServer.StartAsync(city);
        using var http = new HttpClient();
        var found = new HashSet<(int, int, int)>();
        foreach (var t in tiles)
        {
            int z = (int)t!["z"]!, x = (int)t["x"]!, y = (int)t["y"]!;
            found.Add((z, x, y));
            var expected = await Stacked(http, server.BaseUrl, z, x, y);
            Assert.True(expected.Length > 0, $"{z}/{x}/{y} is in the archive but empty at /tiles");
            Assert.Equal(expected, Convert.FromBase64String((string)t["data"]!));
        }

        Assert.Contains(tiles, t => (int)t!["z"]! == 16);
        Assert.DoesNotContain("熊本 花子", File.ReadAllText(file), StringComparison.Ordinal);
        // A tile of the zoom range just outside the extent is empty at /tiles, and absent from the archive.
        var (vx, vy) = TileOf(VacantStore.LonLat(90, 50), 16);
        Assert.Contains((16, vx, vy), found);
        Assert.Empty(await Stacked(http, server.BaseUrl, 16, vx, vy - 3));
        Assert.DoesNotContain((16, vx, vy - 3), found);
    }

    [SkippableFact]
    public async Task Mbtiles_read_with_sqlite3_have_tms_rows_and_the_metadata_rows()
    {
        ExternalTool.Require("sqlite3", "sqlite3");
        var file = Path.Combine(_out, "city.mbtiles");
        var r = CliRun.Run("tiles", "--data", _store.Dir, "--out", file, "--minzoom", "12", "--maxzoom", "16", "--layers", "vacant_houses,households");
        Assert.True(r.ExitCode == 0, r.Error);
        var count = (await Sql(file, "SELECT count(*) AS n FROM tiles"))[0]!["n"]!.GetValue<int>();
        Assert.Contains($": {count} tiles", r.Out, StringComparison.Ordinal);

        // v-a at (90, 50) lies in XYZ tile 16/x/y; TMS stores it at row 2^16 − 1 − y, and nothing at row y.
        var (x, y) = TileOf(VacantStore.LonLat(90, 50), 16);
        var tms = 65535 - y;
        var rows = await Sql(file, $"SELECT hex(tile_data) AS d FROM tiles WHERE zoom_level = 16 AND tile_column = {x} AND tile_row = {tms}");
        var gzip = Convert.FromHexString((string)Assert.Single(rows)!["d"]!);
        Assert.True(TileFormats.IsGzip(gzip));
        using var stream = new MemoryStream(Gzip.Decompress(gzip));
        var decoded = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, 16));
        Assert.Equal(["vacant_houses", "households"], decoded.Layers.Select(l => l.Name));
        Assert.Contains(decoded.Layers[0].Features, f => (string?)f.Attributes["id"] == "v-a");
        Assert.Empty(await Sql(file, $"SELECT 1 AS one FROM tiles WHERE zoom_level = 16 AND tile_column = {x} AND tile_row = {y}"));

        var metadata = (await Sql(file, "SELECT name, value FROM metadata")).ToDictionary(m => (string)m!["name"]!, m => (string)m!["value"]!);
        Assert.Equal("Tile test", metadata["name"]);
        Assert.Equal("pbf", metadata["format"]);
        Assert.Equal("12", metadata["minzoom"]);
        Assert.Equal("16", metadata["maxzoom"]);
        Assert.Equal("Credit A / Credit B", metadata["attribution"]);
        Assert.Equal(4, metadata["bounds"].Split(',').Length);
        Assert.Equal(3, metadata["center"].Split(',').Length);
        var json = JsonNode.Parse(metadata["json"])!;
        Assert.Equal(["vacant_houses", "households"], json["vector_layers"]!.AsArray().Select(l => (string?)l!["id"]));
    }

    [Theory]
    [InlineData("--minzoom", "21", "--minzoom")]
    [InlineData("--maxzoom", "-1", "--maxzoom")]
    [InlineData("--layers", "town_blocks,parcels", "--layers: no tile layer 'parcels'")]
    [InlineData("--bbox", "131,33,130,32", "--bbox")]
    public void A_bad_option_is_exit_2_naming_it_and_writes_nothing(string option, string value, string message)
    {
        var file = Path.Combine(_out, "bad.pmtiles");
        var r = CliRun.Run("tiles", "--data", _store.Dir, "--out", file, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public void Minzoom_above_maxzoom_and_an_unknown_extension_are_exit_2()
    {
        var r = CliRun.Run("tiles", "--data", _store.Dir, "--out", Path.Combine(_out, "a.pmtiles"), "--minzoom", "14", "--maxzoom", "12");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--minzoom 14 is above --maxzoom 12", r.Error, StringComparison.Ordinal);
        r = CliRun.Run("tiles", "--data", _store.Dir, "--out", Path.Combine(_out, "a.zip"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--out", r.Error, StringComparison.Ordinal);
        Assert.Contains(".pmtiles or .mbtiles", r.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public void Serve_with_a_basemap_file_that_is_not_one_is_exit_2_naming_it()
    {
        var bad = Path.Combine(_out, "broken.pmtiles");
        File.WriteAllText(bad, "not a tile archive");
        var r = CliRun.Run("serve", "--data", _store.Dir, "--basemap-file", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--basemap-file", r.Error, StringComparison.Ordinal);
        Assert.Contains("broken.pmtiles", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        r = CliRun.Run("serve", "--data", _store.Dir, "--basemap-file", Path.Combine(_out, "missing.mbtiles"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("missing.mbtiles' does not exist", r.Error, StringComparison.Ordinal);
    }

    /// <summary>The service's one-layer tiles of z/x/y that hold a feature, concatenated in the package's layer order.</summary>
    private static async Task<byte[]> Stacked(HttpClient http, string baseUrl, int z, int x, int y)
    {
        var all = new List<byte>();
        foreach (var layer in Layers)
        {
            var body = await http.GetByteArrayAsync($"{baseUrl}/tiles/{layer}/{z}/{x}/{y}.mvt");
            using var stream = new MemoryStream(body);
            var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
            if (tile.Layers.Any(l => l.Features.Count > 0))
            {
                all.AddRange(body);
            }
        }

        return [.. all];
    }

    /// <summary>PMTiles stores degrees × 10^7 as integers: equal within half of 10^-7.</summary>
    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.5e-7 + 1e-12, $"{actual:R} is not {expected:R} to 7 decimals");

    private static (int X, int Y) TileOf((double Lon, double Lat) p, int z)
    {
        var n = 1 << z;
        var r = p.Lat * Math.PI / 180;
        return ((int)Math.Floor((p.Lon + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n));
    }

    private static async Task<JsonNode> ReadWithNpm(string file, params string[] args)
    {
        var viewer = Path.Combine(RepoPaths.Root, "src", "Sousei.Geo.Viewer");
        var result = await ExternalTool.RunAsync("node", ["test/pmtiles-read.mjs", file, .. args], viewer);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!;
    }

    private static async Task<JsonArray> Sql(string file, string sql)
    {
        var result = await ExternalTool.RunAsync("sqlite3", ["-json", "-readonly", file, sql]);
        Assert.True(result.ExitCode == 0, result.Error);
        return string.IsNullOrWhiteSpace(result.Out) ? [] : JsonNode.Parse(result.Out)!.AsArray();
    }
}
