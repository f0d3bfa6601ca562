using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Scenarios;

namespace Sousei.Geo.Bench;

/// <summary>
/// Issue 10's figures, in process: on the five real feeds (2026-05-12) with the project's 16 hubs, (1) applying the
/// shipped missing-lines scenario and computing the 16 × 16 matrix over 120 departures, (2) the arrive-by matrix,
/// (3) <c>compare</c> of two scenarios (missing lines against missing lines + trams every 4 minutes) through the
/// application layer: both matrices, both coverages and both accessibilities for the synthetic residents. The store is
/// a temporary folder (symlinks to the feeds, the A55 plan areas, the residents written as GeoJSON), deleted after.
/// </summary>
internal static class ScenarioBench
{
    public static int Run(string realdata, string repoRoot, IReadOnlyList<Household> households)
    {
        var day = new DateOnly(2026, 5, 12);
        var dir = Path.Combine(Path.GetTempPath(), "sousei-bench-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "gtfs"));
        try
        {
            foreach (var feed in new[] { "kumamoto-bus-gtfs/toshibus.zip", "kumamoto-bus-gtfs/kumabus.zip", "kumamoto-bus-gtfs/dentetsu.zip", "kumamoto-tram-rail-gtfs/kumamotoshiden.gtfs.zip", "kumamoto-tram-rail-gtfs/kumamotodentetsu.gtfs.zip" })
            {
                File.CreateSymbolicLink(Path.Combine(dir, "gtfs", Path.GetFileName(feed)), Path.GetFullPath(Path.Combine(realdata, feed)));
            }

            File.CreateSymbolicLink(Path.Combine(dir, "cityplan_a55.geojson"), Path.GetFullPath(Path.Combine(realdata, "kumamoto-cityplan-a55", "kumamoto_city_ricchi_tekiseika_keikaku.geojson")));
            File.Copy(Path.Combine(repoRoot, "geodata", "kumamoto", "hubs.geojson"), Path.Combine(dir, "hubs.geojson"));
            WriteHouseholds(Path.Combine(dir, "households.geojson"), households);
            var lines = Path.Combine(repoRoot, "geodata", "scenarios", "kumamoto-missing-lines.json");
            var trams = Path.Combine(dir, "trams.json");
            File.WriteAllText(trams, """
                { "name": "trams every 4 minutes", "modifications": [
                  { "type": "adjust_headway", "id": "a", "routes": ["kumamotoshiden:1"], "from": "07:00", "to": "09:00", "headway_minutes": 4 },
                  { "type": "adjust_headway", "id": "b", "routes": ["kumamotoshiden:2"], "from": "07:00", "to": "09:00", "headway_minutes": 4 } ] }
                """);

            City Open()
            {
                var city = City.Open(new FileStoreSource(dir, PlaneProjection.Kumamoto));
                city.RegisterScenarioFile("lines", lines);
                city.RegisterScenarioFile("trams", trams);
                _ = city.Dataset;
                _ = city.Gtfs;
                return city;
            }

            var clock = Stopwatch.StartNew();
            var first = Open();
            Console.WriteLine($"store: {first.Dataset.Hubs.Count} hubs, {first.Dataset.Households.Count:N0} households ({first.Dataset.Households.Sum(h => (long)h.Persons):N0} persons), {first.Gtfs.Feeds.Count} feeds; opened and read in {clock.Elapsed.TotalSeconds:F2} s");

            var options = new TransitOptions();
            var scenario = ScenarioReader.ReadFile(lines);
            var feeds = first.Gtfs.Feeds;
            var hubs = first.Dataset.Hubs;
            var apply = new List<double>();
            TransitNetwork? network = null;
            HubConnectivityResult? matrix = null;
            for (var run = 0; run < 6; run++)
            {
                clock.Restart();
                network = TransitNetwork.Build(ScenarioEditor.Apply(feeds, scenario), day, PlaneProjection.Kumamoto);
                matrix = HubConnectivity.Compute(network, hubs, options);
                if (run > 0)
                {
                    apply.Add(clock.Elapsed.TotalSeconds); // run 0 warms the JIT
                }
            }

            var reached = matrix!.Pairs.Count(p => p.MedianMinutes is not null);
            Console.WriteLine($"apply '{scenario.Name}' ({scenario.Modifications.Count} lines) + build the day's network + 16x16 matrix, {matrix.DepartureCount} departures: median {Median(apply):F3} s, min {apply.Min():F3} s over {apply.Count} runs; {reached} of {matrix.Pairs.Count} pairs reached");

            var arrive = new List<double>();
            IReadOnlyList<ArriveByPair>? pairs = null;
            for (var run = 0; run < 6; run++)
            {
                clock.Restart();
                pairs = ArriveBy.Compute(network!, hubs, options, 8 * 3600 + 30 * 60);
                if (run > 0)
                {
                    arrive.Add(clock.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine($"arrive-by 08:30 matrix (180 minutes searched): median {Median(arrive):F3} s, min {arrive.Min():F3} s over {arrive.Count} runs; {pairs!.Count(p => p.LatestDepartureSeconds is not null)} of {pairs!.Count} pairs arrive in time");

            var compare = new List<double>();
            CompareReport? report = null;
            for (var run = 0; run < 3; run++)
            {
                var city = run == 0 ? first : Open();
                clock.Restart();
                report = CompareUseCase.Instance.Run(city, new CompareRequest
                {
                    Transit = new TransitParameters { Date = day, Scenarios = ["lines", "trams"] },
                    Baseline = ["lines"],
                });
                compare.Add(clock.Elapsed.TotalSeconds);
            }

            // Where the time goes: each use case once more on a fresh city (the networks built first, outside the clock).
            var parts = Open();
            var after = new TransitParameters { Date = day, Scenarios = ["lines", "trams"] };
            _ = parts.Transit(day, after.Scenarios);
            clock.Restart();
            HubMatrixUseCase.Instance.Run(parts, new HubMatrixRequest { Transit = after });
            var tMatrix = clock.Elapsed.TotalSeconds;
            clock.Restart();
            CoverageUseCase.Instance.Run(parts, new CoverageRequest { Date = day, Scenarios = after.Scenarios });
            var tCoverage = clock.Elapsed.TotalSeconds;
            clock.Restart();
            AccessibilityUseCase.Instance.Run(parts, new AccessibilityRequest { Transit = after });
            var tAccess = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"one side, network built: matrix {tMatrix:F2} s, coverage with {parts.Dataset.Zones.Count} zones {tCoverage:F2} s, accessibility with nearest hub and zones {tAccess:F2} s");

            var all = report!.AccessibilityAfter!.Result.All;
            Console.WriteLine($"compare lines → lines + trams (2 scenario applications, 2 networks, 2 matrices, 2 coverages, 2 accessibilities with nearest hub, {all.Persons:N0} persons): "
                + $"{string.Join(" / ", compare.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s (first run includes the JIT); "
                + $"within 30 min {report.AccessibilityBefore!.Result.All.ShareWithin30:P1} → {all.ShareWithin30:P1}; {report.Changes.Count(c => c.Status == "faster")} of {report.Changes.Count} cells faster");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void WriteHouseholds(string path, IReadOnlyList<Household> households)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < households.Count; i++)
        {
            var h = households[i];
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",\n")}{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{h.Longitude:F7},{h.Latitude:F7}]}},\"properties\":{{\"persons\":{h.Persons},\"year\":2025}}}}"));
        }

        w.Write("\n]}\n");
    }
}
