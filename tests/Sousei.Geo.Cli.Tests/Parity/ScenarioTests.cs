using System.Text.Json.Nodes;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Cli.Tests.Commands;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>
/// Scenarios as one more input of the transit use cases: <c>--scenario FILE</c> on the command line and
/// <c>?scenario=NAME</c> (the store's scenarios/NAME.json) on the service give the same answers; bad scenarios are
/// refused naming the file and the modification. The store: <see cref="VacantStore"/> with its tram from S1 (90, 60),
/// 14 m from the regional hub r1, to S2 (3000, 60), 10 m from the central hub c: every 10 minutes, 6 minutes a ride.
/// </summary>
public sealed class ScenarioTests : IDisposable
{
    private const string Faster = """{ "name": "faster tram", "modifications": [ { "type": "adjust_speed", "id": "fast", "routes": ["tram:T"], "factor": 2 } ] }""";

    private readonly VacantStore _store = new();

    public ScenarioTests() => _store.AddTram();

    public void Dispose() => _store.Dispose();

    private static double Median(JsonNode matrix, string from, string to) =>
        (double)matrix["pairs"]!.AsArray().Single(p => (string?)p!["from"] == from && (string?)p!["to"] == to)!["travel_minutes"]!["p50"]!;

    private static JsonNode Json(params string[] args)
    {
        var r = CliRun.Run(args);
        Assert.True(r.ExitCode == 0, $"sousei {string.Join(' ', args)}: {r.Error}");
        return JsonNode.Parse(r.Out)!;
    }

    [Fact]
    public async Task A_faster_tram_saves_three_minutes_and_the_cli_file_and_the_service_name_agree()
    {
        // Twice as fast: 6 minutes of riding become 3, whatever the departure, so every percentile drops by 3 minutes.
        var file = _store.WriteFile("faster.json", Faster);
        var baseline = Json("hubs", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json");
        var faster = Json("hubs", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", file);
        Assert.Equal(Median(baseline, "r1", "c") - 3, Median(faster, "r1", "c"), 9);

        Directory.CreateDirectory(Path.Combine(_store.Dir, "scenarios"));
        File.Copy(file, Path.Combine(_store.Dir, "scenarios", "faster.json"));
        await using var server = await ParityServer.StartAsync(City.Open(new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto)));
        var (status, api) = await server.GetAsync("/api/hubs/matrix?date=2026-05-12&scenario=faster");
        Assert.Equal(200, status);
        Parity.Json.AssertSame(faster, api, "hubs --scenario");
    }

    [Fact]
    public void Scenarios_apply_in_order_and_a_removed_tram_leaves_no_journey()
    {
        var faster = _store.WriteFile("faster.json", Faster);
        var cut = _store.WriteFile("cut.json", """{ "name": "no tram", "modifications": [ { "type": "remove_routes", "routes": ["tram:T"] } ] }""");
        var matrix = Json("hubs", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", faster, "--scenario", cut);
        Assert.Null(matrix["pairs"]!.AsArray().Single(p => (string?)p!["from"] == "r1")!["travel_minutes"]!["p50"]);
        // The gap is named: r1 keeps its stop (S1) but no trip calls there any more.
        var warning = matrix["warnings"]!.AsArray().Single(w => (string?)w!["hub"] == "r1")!;
        Assert.Contains("no trip that day", (string?)warning["reason"], StringComparison.Ordinal);
        var coverage = Json("coverage", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", cut);
        Assert.Equal(0, (double)coverage["covered_persons"]!);
    }

    [Fact]
    public void Compare_gives_the_matrix_coverage_and_accessibility_before_and_after()
    {
        // Removing the tram (it runs S1 → S2 only): r1 → c becomes unreachable (c → r1 never was), nobody stays inside the walkable area (the tram
        // stops were the only frequent ones), and no resident reaches the centre within 45 minutes any more.
        var cut = _store.WriteFile("cut.json", """{ "name": "no tram", "modifications": [ { "type": "remove_routes", "routes": ["tram:T"] } ] }""");
        var faster = _store.WriteFile("faster.json", Faster);
        var compare = Json("compare", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", cut);
        Assert.Equal(1, (int)compare["pairs_becoming_unreachable"]!);
        Assert.True((double)compare["coverage"]!["before"]!["covered_persons"]! > 0);
        Assert.Equal(0, (double)compare["coverage"]!["after"]!["covered_persons"]!);
        var all = compare["accessibility"]!.AsArray()[0]!;
        Assert.Equal(0, (double)all["share_within_45_after"]!);

        // Faster against cut as the baseline: r1 → c becomes reachable again.
        var back = Json("compare", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--baseline", cut, "--scenario", faster);
        Assert.Equal(1, (int)back["pairs_becoming_reachable"]!);
        var text = CliRun.Run("compare", "--data", _store.Dir, "--date", "2026-05-12", "--scenario", faster);
        Assert.Contains("-3.0 min", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scenario_names_the_file_the_modification_and_the_field_on_both_sides()
    {
        var bad = _store.WriteFile("bad.json", """{ "name": "bad", "modifications": [ { "type": "adjust_speed", "id": "fast", "routes": ["tram:X"], "factor": 2 } ] }""");
        var r = CliRun.Run("hubs", "--data", _store.Dir, "--scenario", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json: feature 0 (id 'fast'): routes: no route 'tram:X'", r.Error, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_store.Dir, "scenarios"));
        File.Copy(bad, Path.Combine(_store.Dir, "scenarios", "bad.json"));
        await using var server = await ParityServer.StartAsync(City.Open(new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto)));
        var (status, body) = await server.GetAsync("/api/hubs/matrix?scenario=bad");
        Assert.Equal(422, status);
        Assert.Contains("no route 'tram:X'", (string?)body["detail"], StringComparison.Ordinal);
        // The service reads only the store's scenarios/ folder: a path is no scenario name.
        var (pathStatus, pathBody) = await server.GetAsync("/api/hubs/matrix?scenario=" + Uri.EscapeDataString(bad));
        Assert.Equal(400, pathStatus);
        Assert.Equal("scenario", (string?)pathBody["parameter"]);
    }

    [Fact]
    public void Compare_maps_where_the_travel_time_to_the_centre_changed_as_geojson_and_png()
    {
        // The households (40 persons at (75, 50), 60 at (150, 50)) ride the tram from S1: twice as fast, every one of
        // their departures arrives 3 minutes sooner, so each 250 m cell holding them is 3.0 minutes faster.
        var faster = _store.WriteFile("faster.json", Faster);
        var map = Json("compare", "--data", _store.Dir, "--date", "2026-05-12", "--format", "geojson", "--scenario", faster);
        Assert.Equal("FeatureCollection", (string?)map["type"]);
        var features = map["features"]!.AsArray();
        Assert.NotEmpty(features);
        Assert.Equal(100, features.Sum(f => (int)f!["properties"]!["persons"]!));
        foreach (var f in features)
        {
            var p = f!["properties"]!;
            Assert.Equal("faster", (string?)p["status"]);
            Assert.Equal(-3.0, (double)p["change_minutes"]!, 6);
            Assert.Equal((double)p["before_minutes"]! - 3, (double)p["after_minutes"]!, 6);
            Assert.Equal("Polygon", (string?)f["geometry"]!["type"]);
        }

        var json = Json("compare", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", faster);
        Assert.Equal(features.Count, (int)json["travel_time_changes"]!["faster"]!);

        var png = Path.Combine(_store.Dir, "change.png");
        var r = CliRun.Run("compare", "--data", _store.Dir, "--date", "2026-05-12", "--format", "png", "--out", png, "--scenario", faster);
        Assert.True(r.ExitCode == 0, r.Error);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((1200, 900), (bitmap.Width, bitmap.Height));
        // The class "1–5 min faster" (#91cf60) fills the cells and its legend swatch.
        var green = new SkiaSharp.SKColor(0x91, 0xcf, 0x60);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                count += bitmap.GetPixel(x, y) == green ? 1 : 0;
            }
        }

        Assert.True(count > 100, $"only {count} pixels of the 'faster' class");
        var noOut = CliRun.Run("compare", "--data", _store.Dir, "--format", "png", "--scenario", faster);
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out FILE.png", noOut.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_says_which_figures_rest_on_the_scenarios()
    {
        // Without the tram r1 → c has no journey (c → r1 never had one): one of the two pairs changes; the tram stops were
        // the only frequent ones, so coverage falls from the published figure to nobody.
        var cut = _store.WriteFile("cut.json", """{ "name": "no tram", "description": "what if the tram stopped", "modifications": [ { "type": "remove_routes", "routes": ["tram:T"] } ] }""");
        var report = Json("report", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json", "--scenario", cut);
        var s = report["scenarios"]!;
        Assert.Equal("no tram", (string?)s["applied"]![0]!["name"]);
        Assert.Equal("what if the tram stopped", (string?)s["applied"]![0]!["description"]);
        Assert.Equal((1, 2), ((int)s["pairs_changed"]!, (int)s["pairs"]!));
        Assert.Empty(s["hubs_reached_only_through_scenarios"]!.AsArray());
        var published = Json("coverage", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json");
        Assert.Equal((double)published["covered_persons"]!, (double)s["covered_persons_as_published"]!, 6);
        Assert.Null(Json("report", "--data", _store.Dir, "--date", "2026-05-12", "--format", "json")["scenarios"]);

        var text = CliRun.Run("report", "--data", _store.Dir, "--date", "2026-05-12", "--scenario", cut).Out;
        Assert.Contains("rest on these edits of the timetables", text, StringComparison.Ordinal);
        Assert.Contains("hub matrix: 1 of 2 pairs differ from the published timetables", text, StringComparison.Ordinal);
    }
}
