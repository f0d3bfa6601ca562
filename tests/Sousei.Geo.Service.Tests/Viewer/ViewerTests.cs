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

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public async Task Viewer_loads_shows_vacant_houses_filters_and_downloads_in_headless_chromium()
    {
        ExternalTool.Require("node", "Debian nodejs/npm");
        ExternalTool.Require("chromium", "Debian chromium");

        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Viewer, "node_modules", "playwright-core")), "run npm ci in src/Sousei.Geo.Viewer (the service build does it)");
        Assert.True(Sousei.Geo.Service.Viewer.ViewerEndpoints.IsBuilt, "the viewer bundle is not embedded: the npm build failed when the service was built");
        await using var server = await LiveServer.StartAsync(_store.Path);
        var result = await ExternalTool.RunAsync("node", [Path.Combine("test", "viewer.test.mjs"), server.BaseUrl, RepoPaths.Artifacts], RepoPaths.Viewer, TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["CHROMIUM_PATH"] = ExternalTool.Find("chromium")! });
        output.WriteLine(result.Out);
        output.WriteLine(result.Error);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        foreach (var screenshot in new[] { "viewer.png", "viewer-whatif.png", "viewer-trend.png", "viewer-scenario.png", "viewer-phone-whatif.png" })
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Artifacts, screenshot)), screenshot);
        }
    }
}
