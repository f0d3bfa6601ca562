using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class ArriveByTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>A (239, 0) L1 07:05 → B (5000, 0) 07:20; C (5000, 159) L2 07:21, 07:30 → D (10000, 159) 07:36, 07:45.</summary>
    private static TransitNetwork TwoLines() => new FeedBuilder()
        .Stop("A", 239, 0).Stop("B", 5000, 0).Stop("C", 5000, 159).Stop("D", 10000, 159)
        .Trip("L1", "l1", ("A", "07:05"), ("B", "07:20"))
        .Trip("L2", "l2a", ("C", "07:21"), ("D", "07:36"))
        .Trip("L2", "l2b", ("C", "07:30"), ("D", "07:45"))
        .Network();

    private static int Clock(int h, int m) => h * 3600 + m * 60;

    [Fact]
    public void The_latest_departure_is_the_last_minute_that_still_catches_the_first_ride()
    {
        // From o (0, 0) to d at D: walk 180 s to A for L1 at 07:05, so 07:02 is the last minute that catches it; B at
        // 07:20, C at 07:22 (L2a has left at 07:21), L2b at 07:30 reaches D at 07:45: 43 minutes. By 07:40 nothing arrives.
        var hubs = new[] { FeedBuilder.HubAt("o", HubKind.Central, 0, 0), FeedBuilder.HubAt("d", HubKind.Regional, 10000, 159) };
        var by0750 = ArriveBy.Compute(TwoLines(), hubs, new TransitOptions(), Clock(7, 50)).Single(p => p.From == "o");
        Assert.Equal((Clock(7, 2), 43 * 60), (by0750.LatestDepartureSeconds!.Value, by0750.TravelSeconds!.Value));
        var by0740 = ArriveBy.Compute(TwoLines(), hubs, new TransitOptions(), Clock(7, 40)).Single(p => p.From == "o");
        Assert.Null(by0740.LatestDepartureSeconds);
        Assert.Null(by0740.TravelSeconds);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Departing_at_the_reported_minute_arrives_in_time_and_one_minute_later_does_not(int seed)
    {
        var rng = new Random(seed);
        var b = new FeedBuilder();
        for (var s = 0; s < 60; s++)
        {
            b.Stop("s" + s, rng.NextDouble() * 5000, rng.NextDouble() * 5000);
        }

        for (var r = 0; r < 12; r++)
        {
            var route = Enumerable.Range(0, 60).OrderBy(_ => rng.Next()).Take(rng.Next(4, 10)).ToArray();
            for (var k = 0; k < 12; k++)
            {
                var t = Clock(6, 30) + rng.Next(0, 2 * 3600);
                var times = new List<GtfsStopTime>();
                for (var i = 0; i < route.Length; i++)
                {
                    times.Add(new GtfsStopTime("t:s" + route[i], i + 1, t, t, 0, 0));
                    t += rng.Next(60, 301);
                }

                b.TripWithTimes("r" + r, $"r{r}t{k}", times);
            }
        }

        var network = b.Network();
        var hubs = Enumerable.Range(0, 6).Select(i => FeedBuilder.HubAt("h" + i, i == 0 ? HubKind.Central : HubKind.Regional, rng.NextDouble() * 5000, rng.NextDouble() * 5000)).ToList();
        var deadline = Clock(8, 30);
        var options = new TransitOptions();
        var found = 0;
        foreach (var p in ArriveBy.Compute(network, hubs, options, deadline))
        {
            if (p.LatestDepartureSeconds is not { } t)
            {
                continue;
            }

            found++;
            var from = hubs.Single(h => h.Id == p.From).Location;
            var to = hubs.Single(h => h.Id == p.To).Location;
            int Travel(int departure) => TransitRouter.TravelSeconds(network, (from.X, from.Y), [(to.X, to.Y)], options with { WindowStartSeconds = departure, WindowEndSeconds = departure + 60 })[0][0];
            Assert.True(t + Travel(t) <= deadline, $"{p.From} → {p.To} at {t}: arrives after the deadline");
            Assert.Equal(p.TravelSeconds, Travel(t));
            var later = Travel(t + 60);
            Assert.True(later == int.MaxValue || t + 60 + later > deadline, $"{p.From} → {p.To}: departing a minute later also arrives in time");
        }

        Assert.True(found > 5, $"only {found} pairs arrive in time: the random network is too sparse");
    }
}
