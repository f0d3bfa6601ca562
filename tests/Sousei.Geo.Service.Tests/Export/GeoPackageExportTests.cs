using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Export;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Cli;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.IO.GeoPackage;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Export;

/// <summary>
/// <c>sousei export layers</c> and <c>/api/export/layers.gpkg</c> on the <see cref="FixtureStore"/> with its tram line,
/// read back with GDAL's ogrinfo (an independent GeoPackage reader).
/// </summary>
public sealed partial class GeoPackageExportTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] AllLayers = ["inducement_area", "zones", "population_units", "hubs", "stops", "coverage_catchments", "vacant_houses"];

    private readonly FixtureStore _store = new(withGtfs: true);
    private readonly string _folder = Directory.CreateTempSubdirectory("sousei-gpkg-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, true);
    }

    private (int Code, string Out, string Error) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandRunner.Run(args, new CliConsole(stdout, stderr, false));
        output.WriteLine(stdout.ToString() + stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Export()
    {
        var file = Path.Combine(_folder, "layers.gpkg");
        var (code, _, error) = Cli("export", "layers", "--data", _store.Path, "--format", "gpkg", "--out", file);
        Assert.True(code == 0, error);
        return file;
    }

    private static async Task<string> Ogrinfo(params string[] args)
    {
        var result = await ExternalTool.RunAsync("ogrinfo", ["-ro", .. args]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return result.Out;
    }

    /// <summary>The values of one row of <c>ogrinfo -sql</c> output: field name → text.</summary>
    private static List<Dictionary<string, string>> Rows(string ogrinfoOut) => FeatureBlock().Split(ogrinfoOut).Skip(1)
        .Select(block => FieldLine().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim()))
        .ToList();

    [SkippableFact]
    public async Task Every_layer_reads_back_with_the_feature_count_of_the_result_in_epsg_6670()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");
        var file = Export();
        var city = City.Open(new FileStoreSource(_store.Path, PlaneProjection.Kumamoto));
        var result = LayersExportUseCase.Instance.Run(city, new LayersExportRequest());

        var info = await Ogrinfo("-so", "-al", file);
        var layers = LayerBlock().Split(info).Skip(1).ToDictionary(b => b[..b.IndexOf('\n')].Trim(), b => b);
        Assert.Equal(AllLayers, result.Layers.Select(l => l.Name));
        Assert.Equal(AllLayers.Order(), layers.Keys.Order());
        foreach (var layer in result.Layers)
        {
            var block = layers[layer.Name];
            Assert.Contains($"Feature Count: {layer.Features.Count}\n", block);

            // The layer's CRS closes with the EPSG code of the zone (GDAL's WKT 2 output).
            Assert.Matches(@"ID\[""EPSG"",6670\]\]\s*\nData axis", block);
        }

        // By hand: 1 area, 2 zones, B1–B5 of 2024, 2 hubs, 2 tram stops, one rail catchment (no bus stop), V1–V6.
        Assert.Equal([1, 2, 5, 2, 2, 1, 6], result.Layers.Select(l => l.Features.Count));
        Assert.Empty(result.Skipped);
    }

    [SkippableFact]
    public async Task Vacant_houses_carry_exactly_the_public_geojson_fields_and_never_an_owner_field()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");
        var file = Export();
        var geojson = Path.Combine(_folder, "vacant.geojson");
        Assert.Equal(0, Cli("export", "vacant", "--data", _store.Path, "--out", geojson).Code);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(geojson));
        var publicFields = doc.RootElement.GetProperty("features")[0].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        var info = await Ogrinfo("-so", file, "vacant_houses");
        var fields = LayerField().Matches(info[info.IndexOf("Geometry Column", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(publicFields, fields);
        Assert.DoesNotContain(fields, f => f.Contains("owner", StringComparison.OrdinalIgnoreCase));

        // Not in any layer, not anywhere in the file's bytes.
        var bytes = File.ReadAllBytes(file);
        foreach (var secret in new[] { FixtureStore.OwnerName, FixtureStore.OwnerContact, "owner_name", "owner_contact" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        // V1 is inside the area, in the west zone; the survey's Japanese text is read back as written (UTF-8).
        var v2 = Rows(await Ogrinfo("-sql", "SELECT id, decay_rank, inside_inducement_area, zone FROM vacant_houses WHERE id = 'V2'", file)).Single();
        Assert.Equal("east", v2["zone"]);
        Assert.Equal("1", v2["inside_inducement_area"]);
    }

    [SkippableFact]
    public async Task Zone_density_and_gap_equal_the_density_json_and_the_hand_sum()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");
        var file = Export();
        var (code, json, _) = Cli("density", "--data", _store.Path, "--format", "json");
        Assert.Equal(0, code);
        using var density = JsonDocument.Parse(json);
        var zones = Rows(await Ogrinfo("-sql", "SELECT id, kind, population, area_ha, density_per_ha, target_per_ha, meets_target, gap_persons FROM zones", file));
        Assert.Equal(2, zones.Count);
        foreach (var expected in density.RootElement.GetProperty("zones").EnumerateArray())
        {
            var row = zones.Single(z => z["id"] == expected.GetProperty("id").GetString());
            Assert.Equal(expected.GetProperty("kind").GetString(), row["kind"]);
            Assert.Equal(expected.GetProperty("population").GetDouble(), Number(row["population"]), 9);
            Assert.Equal(expected.GetProperty("area_ha").GetDouble(), Number(row["area_ha"]), 9);
            Assert.Equal(expected.GetProperty("density_per_ha").GetDouble(), Number(row["density_per_ha"]), 9);
            Assert.Equal(expected.GetProperty("gap_persons").GetInt64(), long.Parse(row["gap_persons"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.GetProperty("meets_target").GetBoolean() ? "1" : "0", row["meets_target"]);
        }

        // Independently: households at x = 110 + 80 i (i = 0..9), 3 persons each; x < 500 is west: i = 0..4 → 15 persons.
        // West ∩ area is 500 m × 1,000 m = 50 ha → 0.3 persons/ha; gap ceil(60.7 × 50 − 15) = 3,035 − 15 = 3,020.
        var west = zones.Single(z => z["id"] == "west");
        Assert.Equal(15, Number(west["population"]));
        Assert.Equal(50, Number(west["area_ha"]), 6);
        Assert.Equal("3020", west["gap_persons"]);
        var area = Rows(await Ogrinfo("-sql", "SELECT population, gap_persons FROM inducement_area", file)).Single();
        Assert.Equal(density.RootElement.GetProperty("gap_persons").GetInt64().ToString(CultureInfo.InvariantCulture), area["gap_persons"]);
        Assert.Equal("6040", area["gap_persons"]); // 60.7 × 100 ha − 30 persons
    }

    [SkippableFact]
    public async Task Every_geometry_reads_back_valid_and_the_file_is_a_geopackage_1_3()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");
        var file = Export();
        foreach (var layer in AllLayers)
        {
            var row = Rows(await Ogrinfo("-dialect", "SQLite", "-sql", $"SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(ST_SRID(geom) = 6670) AS srid FROM {layer}", file)).Single();
            Assert.True(row["n"] == row["valid"] && row["n"] == row["srid"], $"{layer}: {row["n"]} features, {row["valid"]} valid, {row["srid"]} in EPSG:6670");
        }

        // SQLite header: user_version at byte 60, application_id at byte 68, big-endian.
        var header = File.ReadAllBytes(file).AsSpan(0, 100);
        Assert.Equal(10300, BinaryPrimitives.ReadInt32BigEndian(header[60..]));
        Assert.Equal("GPKG", Encoding.ASCII.GetString(header.Slice(68, 4)));
    }

    [Fact]
    public void A_failed_write_leaves_neither_the_file_nor_a_temporary_one()
    {
        var file = Path.Combine(_folder, "layers.gpkg");
        File.WriteAllText(file, "the previous export");
        var city = City.Open(new FileStoreSource(_store.Path, PlaneProjection.Kumamoto));
        var result = LayersExportUseCase.Instance.Run(city, new LayersExportRequest());

        // The writer completes a GeoPackage at the temporary path, then the disk "fills up".
        var e = Assert.Throws<UsageException>(() => OutputFile.WriteFile<int>(file, temp =>
        {
            GeoPackageLayerWriter.Write(temp, result.Layers, result.Crs);
            throw new IOException("No space left on device");
        }));
        Assert.Contains("--out", e.Message);
        Assert.Equal("the previous export", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(_folder));

        // A request that fails (no trip on a Sunday) writes nothing either.
        var fresh = Path.Combine(_folder, "fresh.gpkg");
        var (code, _, error) = Cli("export", "layers", "--data", _store.Path, "--out", fresh, "--date", "2026-03-01");
        Assert.Equal(2, code);
        Assert.Contains("--date", error);
        Assert.Equal([file], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--format", "shp", "--format")]
    [InlineData("--out", null, "--out")]
    [InlineData("--out", "/nonexistent-sousei-dir/layers.gpkg", "--out")]
    [InlineData("--method", "walking", "--method")]
    public void Bad_options_exit_2_naming_the_option(string option, string? value, string named)
    {
        string[] args = option == "--out"
            ? ["export", "layers", "--data", _store.Path, .. value is null ? Array.Empty<string>() : ["--out", value]]
            : ["export", "layers", "--data", _store.Path, "--out", Path.Combine(_folder, "x.gpkg"), option, value!];
        var (code, _, error) = Cli(args);
        Assert.Equal(2, code);
        Assert.Contains(named, error.Split('\n')[0]);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [SkippableFact]
    public async Task Api_layers_gpkg_is_the_same_geopackage_without_personal_data()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");
        using var factory = new ServiceFactory(withGtfs: true);
        var response = await factory.CreateClient().GetAsync("/api/export/layers.gpkg");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("layers.gpkg", response.Content.Headers.ContentDisposition?.ToString() ?? "");
        var file = Path.Combine(_folder, "api.gpkg");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var info = await Ogrinfo("-so", "-al", file);
        foreach (var layer in AllLayers)
        {
            Assert.Contains($"Layer name: {layer}\n", info);
        }

        Assert.DoesNotContain("owner", info);
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "sousei-layers-*.gpkg"));

        var bad = await factory.CreateClient().GetAsync("/api/export/layers.gpkg?method=walking");
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("method", await bad.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData(6669)]
    [InlineData(6670)]
    [InlineData(6671)]
    [InlineData(6687)]
    public async Task The_srs_definition_means_to_gdal_what_the_epsg_code_means(int epsg)
    {
        ExternalTool.Require("gdalsrsinfo", "Debian gdal-bin");
        var ours = await ExternalTool.RunAsync("gdalsrsinfo", ["-o", "proj4", PlaneProjection.ForEpsg(epsg).OgcWkt]);
        var gdal = await ExternalTool.RunAsync("gdalsrsinfo", ["-o", "proj4", $"EPSG:{epsg}"]);
        Assert.True(ours.ExitCode == 0 && gdal.ExitCode == 0, ours.Error + gdal.Error);
        Assert.Equal(gdal.Out.Trim(), ours.Out.Trim());
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Layer name: ", RegexOptions.Multiline)]
    private static partial Regex LayerBlock();

    [GeneratedRegex(@"^OGRFeature\(", RegexOptions.Multiline)]
    private static partial Regex FeatureBlock();

    [GeneratedRegex(@"^  (\w+) \([\w()]+\) = (.*)$", RegexOptions.Multiline)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(\w+): \w+", RegexOptions.Multiline)]
    private static partial Regex LayerField();
}
