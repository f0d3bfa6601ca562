using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Viewer;

/// <summary>
/// The viewer in headless Chromium (Debian's chromium, driven by playwright-core from the viewer's npm
/// project): map, filters and download, the what-if pane and the trend chart; see
/// src/Sousei.Geo.Viewer/test/viewer.test.mjs. Screenshots go to TestResults/service.
/// </summary>
public sealed class ViewerTests(ITestOutputHelper output) : IDisposable
{
    private readonly FixtureStore _store = Store();

    /// <summary>The fixture with its tram and one scenario (the tram twice as fast) for the picker.</summary>
    private static FixtureStore Store()
    {
        var store = new FixtureStore(withGtfs: true);
        Directory.CreateDirectory(Path.Combine(store.Path, "scenarios"));
        store.Write(Path.Combine("scenarios", "faster.json"), """{ "name": "速い市電", "description": "市電の所要時間を半分に", "modifications": [ { "type": "adjust_speed", "routes": ["tram:A"], "factor": 2 } ] }""");
        return store;
    }

    private const string BasemapCredit = "テスト背景地図 © stub";

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public async Task Viewer_loads_shows_vacant_houses_filters_and_downloads_in_headless_chromium()
    {
        ExternalTool.Require("node", "Debian nodejs/npm");
        ExternalTool.Require("chromium", "Debian chromium");

        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Viewer, "node_modules", "playwright-core")), "run npm ci in src/Sousei.Geo.Viewer (the service build does it)");
        Assert.True(Sousei.Geo.Service.Viewer.ViewerEndpoints.IsBuilt, "the viewer bundle is not embedded: the npm build failed when the service was built");
        await using var server = await LiveServer.StartAsync(_store.Path);
        // The same store behind a second service whose basemap is a stub tile server on 127.0.0.1.
        await using var tiles = await StubTileServer.StartAsync();
        await using var withBasemap = await LiveServer.StartAsync(_store.Path, $"--{ServiceSettings.BasemapUrl}={tiles.BaseUrl}/{{z}}/{{x}}/{{y}}.png", $"--{ServiceSettings.BasemapAttribution}={BasemapCredit}");
        // And a third whose basemap is an offline PMTiles of the store's own vector tiles (sousei tiles).
        var pmtiles = Path.Combine(Path.GetTempPath(), $"sousei-basemap-{Guid.NewGuid():N}.pmtiles");
        var packed = await ExternalTool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "sousei.dll"), "tiles", "--data", _store.Path, "--out", pmtiles, "--minzoom", "10", "--maxzoom", "16"]);
        Assert.True(packed.ExitCode == 0, packed.Out + packed.Error);
        await using var withVectorBasemap = await LiveServer.StartAsync(_store.Path, $"--{ServiceSettings.BasemapFile}={pmtiles}");
        var (farLon, farLat) = FixtureStore.LonLat(1400, -400);
        var (nearLon, nearLat) = FixtureStore.LonLat(250, 520);
        var result = await ExternalTool.RunAsync("node", [Path.Combine("test", "viewer.test.mjs"), server.BaseUrl, RepoPaths.Artifacts], RepoPaths.Viewer, TimeSpan.FromMinutes(4),
            new Dictionary<string, string>
            {
                ["CHROMIUM_PATH"] = ExternalTool.Find("chromium")!,
                ["SOUSEI_BASEMAP_SERVER"] = withBasemap.BaseUrl,
                ["SOUSEI_BASEMAP_TILES"] = tiles.BaseUrl,
                ["SOUSEI_BASEMAP_CREDIT"] = BasemapCredit,
                ["SOUSEI_VECTOR_BASEMAP_SERVER"] = withVectorBasemap.BaseUrl,
                // The file's own attribution (the store's credits, written by sousei tiles) is the one shown.
                ["SOUSEI_VECTOR_BASEMAP_CREDIT"] = FixtureStore.Credit,
                ["SOUSEI_STAFF_KEY"] = ServiceFactory.StaffKey,
                ["SOUSEI_OWNER_NAME"] = FixtureStore.OwnerName,
                ["SOUSEI_OWNER_CONTACT"] = FixtureStore.OwnerContact,
                // O + (1400, −400): inside the data, no stop within 800 m; O + (250, 520): stop S1.
                ["SOUSEI_FAR_LONLAT"] = FormattableString.Invariant($"{farLon},{farLat}"),
                ["SOUSEI_NEAR_LONLAT"] = FormattableString.Invariant($"{nearLon},{nearLat}"),
            });
        File.Delete(pmtiles);
        output.WriteLine(result.Out);
        output.WriteLine(result.Error);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.True(tiles.Requests > 0, "the viewer asked the configured basemap for no tile");
        foreach (var screenshot in new[] { "viewer.png", "viewer-whatif.png", "viewer-trend.png", "viewer-scenario.png", "viewer-phone-whatif.png", "viewer-search.png", "viewer-isochrone-error.png", "viewer-staff.png", "viewer-basemap.png", "viewer-phone-map.png", "viewer-context.png", "viewer-vector-basemap.png" })
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Artifacts, screenshot)), screenshot);
        }
    }
}
