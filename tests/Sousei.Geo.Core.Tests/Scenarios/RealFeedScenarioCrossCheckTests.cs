using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Tests.Transit;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;
using Sousei.Geo.IO.Scenarios;
using Sousei.Geo.Tests;

namespace Sousei.Geo.Core.Tests.Scenarios;

/// <summary>
/// The scenario check of issue 10 on the real feeds: Kumamoto's five feeds on 2026-05-12 with the shipped
/// geodata/scenarios/kumamoto-missing-lines.json applied; RAPTOR on the edited network must give the earliest vehicle
/// arrival at every stop that the connection scan (an independent algorithm) gives over the same trips in one plain feed.
/// </summary>
public class RealFeedScenarioCrossCheckTests
{
    private static readonly DateOnly Day = new(2026, 5, 12);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Sousei.Geo.sln above " + AppContext.BaseDirectory);
    }

    [RealDataFact]
    public void Raptor_on_the_real_feeds_with_the_missing_lines_equals_the_connection_scan()
    {
        var root = Root();
        var real = Path.Combine(root, "..", "shared", "realdata");
        string[] feeds =
        [
            Path.Combine(real, "kumamoto-bus-gtfs", "toshibus.zip"), Path.Combine(real, "kumamoto-bus-gtfs", "kumabus.zip"),
            Path.Combine(real, "kumamoto-bus-gtfs", "dentetsu.zip"), Path.Combine(real, "kumamoto-tram-rail-gtfs", "kumamotoshiden.gtfs.zip"),
            Path.Combine(real, "kumamoto-tram-rail-gtfs", "kumamotodentetsu.gtfs.zip"),
        ];
        var read = GtfsReader.ReadFeeds(feeds, Day);
        read.ThrowIfProblems();
        var scenario = ScenarioReader.ReadFile(Path.Combine(root, "geodata", "scenarios", "kumamoto-missing-lines.json"));
        Assert.Empty(ScenarioEditor.Check(read.Feeds, scenario));
        var edited = ScenarioEditor.Apply(read.Feeds, scenario);
        var merged = FeedBuilder.Merge(edited);
        var network = TransitNetwork.Build(edited, Day, FeedBuilder.Projection);
        var csa = new ConnectionScan(merged, Day);
        // The connection scan has no ride limit: RAPTOR gets enough rounds to match it.
        var options = new TransitOptions { MaxRides = 20 };
        var search = new RaptorSearch(network, options);
        var rng = new Random(20261201);
        var compared = 0;
        var viaNewLines = 0;
        for (var q = 0; q < 12; q++)
        {
            // Origins near a random stop (so that journeys start), departures through the morning.
            var s0 = rng.Next(network.Stops.Count);
            var (ox, oy) = (network.StopX[s0] + rng.Next(-300, 300), network.StopY[s0] + rng.Next(-300, 300));
            var departure = 6 * 3600 + rng.Next(0, 4 * 3600);
            search.Reset();
            search.Run(network.StopsNearPlane(ox, oy, options.AccessRadiusMeters, options), departure);
            var (vehicle, _) = csa.Run(ox, oy, departure, options);
            for (var s = 0; s < merged.Stops.Count; s++)
            {
                var index = network.StopIndexOf(merged.Stops[s].Id);
                if (index < 0)
                {
                    continue; // a stop no trip of the day calls at: not in the network
                }

                Assert.True(vehicle[s] == search.BestVehicle[index], $"query {q} from ({ox:F0}, {oy:F0}) at {departure}: stop {merged.Stops[s].Id} connection scan {vehicle[s]}, RAPTOR {search.BestVehicle[index]}");
                compared += vehicle[s] == int.MaxValue ? 0 : 1;
                viaNewLines += vehicle[s] != int.MaxValue && merged.Stops[s].Id.StartsWith("scn-", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(compared > 1000, $"only {compared} stop arrivals compared");
        Assert.True(viaNewLines > 10, $"only {viaNewLines} arrivals at the scenario's new stops");
    }
}
