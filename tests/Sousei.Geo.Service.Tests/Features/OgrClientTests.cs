using System.Text.RegularExpressions;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Features;

/// <summary>GDAL's OGC API – Features client (OAPIF driver, Debian gdal-bin) against the running service.</summary>
public sealed partial class OgrClientTests(ITestOutputHelper output) : IDisposable
{
    private readonly FixtureStore _store = new();

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public async Task Ogrinfo_lists_the_collections_and_pages_through_every_feature()
    {
        ExternalTool.Require("ogrinfo", "Debian gdal-bin");

        await using var server = await LiveServer.StartAsync(_store.Path);
        var url = $"OAPIF:{server.BaseUrl}/ogc";
        var env = new Dictionary<string, string> { ["GDAL_HTTP_TIMEOUT"] = "30", ["CPL_DEBUG"] = "OFF" };
        var list = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-q", url], environment: env);
        output.WriteLine(list.Out + list.Error);
        Assert.True(list.ExitCode == 0, list.Out + list.Error);
        foreach (var layer in new[] { "inducement_area", "zones", "hubs", "town_blocks", "buildings", "vacant_houses" })
        {
            Assert.Contains(layer, list.Out);
        }

        Assert.DoesNotContain("households", list.Out);

        // PAGE_SIZE=3 makes GDAL follow next links: 10 town blocks = 4 pages.
        var blocks = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-al", "-oo", "PAGE_SIZE=3", url, "town_blocks"], environment: env);
        Assert.True(blocks.ExitCode == 0, blocks.Out + blocks.Error);
        Assert.Equal(10, FeatureLines().Matches(blocks.Out).Count);
        foreach (var code in new[] { "B1", "B2", "B3", "B4", "B5" })
        {
            Assert.Equal(2, Regex.Matches(blocks.Out, $@"code \(String\) = {code}\b").Count);
        }

        var vacant = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-al", "-oo", "PAGE_SIZE=2", url, "vacant_houses"], environment: env);
        Assert.True(vacant.ExitCode == 0, vacant.Out + vacant.Error);
        Assert.Equal(6, FeatureLines().Matches(vacant.Out).Count);
        Assert.DoesNotContain("owner", vacant.Out);
    }

    [SkippableFact]
    public async Task Ogr2ogr_copies_a_layer_to_geopackage()
    {
        ExternalTool.Require("ogr2ogr", "Debian gdal-bin");

        await using var server = await LiveServer.StartAsync(_store.Path);
        var gpkg = Path.Combine(Path.GetTempPath(), "sousei-ogr-" + Guid.NewGuid().ToString("N") + ".gpkg");
        var copy = await ExternalTool.RunAsync("ogr2ogr", ["-f", "GPKG", gpkg, $"OAPIF:{server.BaseUrl}/ogc", "zones", "hubs"]);
        Assert.True(copy.ExitCode == 0, copy.Out + copy.Error);
        var info = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", gpkg, "zones"]);
        Assert.Contains("Feature Count: 2", info.Out);
        File.Delete(gpkg);
    }

    [GeneratedRegex(@"^OGRFeature\(", RegexOptions.Multiline)]
    private static partial Regex FeatureLines();
}
