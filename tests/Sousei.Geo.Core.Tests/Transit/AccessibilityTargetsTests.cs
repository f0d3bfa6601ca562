using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>Age groups, the nearest regional hub and arrive-by in <see cref="CentreAccessibility"/>.</summary>
public class AccessibilityTargetsTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    private static Household At(double x, double y, int persons, int? young = null, int? old = null)
    {
        var (lon, lat) = FeedBuilder.Point(x, y);
        return new Household(lon, lat, persons, 2025, young, old);
    }

    private static int Clock(int h, int m) => h * 3600 + m * 60;

    /// <summary>A (239, 0) L1 07:05 → B (5000, 0) 07:20; C (5000, 159) L2 07:21, 07:30 → D (10000, 159) 07:36, 07:45.</summary>
    private static TransitNetwork TwoLines() => new FeedBuilder()
        .Stop("A", 239, 0).Stop("B", 5000, 0).Stop("C", 5000, 159).Stop("D", 10000, 159)
        .Trip("L1", "l1", ("A", "07:05"), ("B", "07:20"))
        .Trip("L2", "l2a", ("C", "07:21"), ("D", "07:36"))
        .Trip("L2", "l2b", ("C", "07:30"), ("D", "07:45"))
        .Network();

    private static TransitOptions FourMinutes => new() { WindowStartSeconds = Clock(7, 0), WindowEndSeconds = Clock(7, 4) };

    [Fact]
    public void Age_groups_are_tallied_where_known_and_the_zone_median_is_persons_weighted()
    {
        // Central hub 300 m north of D. h0 at the origin: L1, L2b, 225 s walk → 07:48:45, median 49 min over 07:00–07:03
        // (07:03 misses L1, so ranks 07:00 49 min, 07:01 48, 07:02 47... the median rank of four is the 2nd: see below).
        // h1, h2 walk straight to the hub (140 m, 139 m): about 2 minutes. h2 carries no age groups.
        var central = FeedBuilder.HubAt("c", HubKind.Central, 10000, 459);
        var households = new[] { At(0, 0, 4, young: 1, old: 3), At(10000, 319, 1, young: 0, old: 1), At(10000, 320, 2) };
        var result = CentreAccessibility.Compute(TwoLines(), central, households, [], FourMinutes, cellSizeMeters: 0);
        Assert.True(result.HouseholdMedianMinutes[0] > 45, $"h0: {result.HouseholdMedianMinutes[0]}");
        Assert.True(result.HouseholdMedianMinutes[1] < 3 && result.HouseholdMedianMinutes[2] < 3);
        var all = result.All;
        Assert.Equal((7L, 3L, 3L), (all.Persons, all.PersonsWithin30, all.PersonsWithin45));
        Assert.Equal(new AgeGroupAccessibility(4, 1, 1), all.Aged65Plus);
        Assert.Equal(new AgeGroupAccessibility(1, 0, 0), all.Aged0To14);

        // Seven persons: three at about 2 minutes, four at h0's median; the 4th person sorted ascending is h0's.
        Assert.Equal(result.HouseholdMedianMinutes[0], all.MedianMinutes!.Value, 4);
        Assert.Null(all.NearestHub);
        Assert.Null(all.ArriveBy);

        var noAges = CentreAccessibility.Compute(TwoLines(), central, [At(0, 0, 4)], [], FourMinutes, cellSizeMeters: 0);
        Assert.Null(noAges.All.Aged65Plus);
        Assert.Null(noAges.All.Aged0To14);
    }

    [Fact]
    public void The_nearest_regional_hub_is_the_first_reached_at_each_departure()
    {
        // r1 sits 80 m from B: from h0, L1 then a 60 s walk reaches it at 07:21 for departures 07:00–07:02 (21, 20, 19
        // minutes); at 07:03 the 180 s walk to A misses L1 → no journey. Sorted 19, 20, 21, ∞: the median (rank 2) is 20.
        // r2 is 81 m from h1: a 61 s walk. The central hub is never a regional one.
        var central = FeedBuilder.HubAt("c", HubKind.Central, 10000, 459);
        var hubs = new[] { central, FeedBuilder.HubAt("r1", HubKind.Regional, 5000, 80), FeedBuilder.HubAt("r2", HubKind.Regional, 10000, 400) };
        var households = new[] { At(0, 0, 4), At(10000, 319, 1) };
        var targets = new AccessibilityTargets { RegionalHubs = hubs };
        var result = CentreAccessibility.Compute(TwoLines(), central, households, [], FourMinutes, cellSizeMeters: 0, targets);
        Assert.Equal(20f, result.NearestHubMedianMinutes![0], 3);
        Assert.Equal(61 / 60f, result.NearestHubMedianMinutes[1], 2);
        var nearest = result.All.NearestHub!;
        Assert.Equal((1L, 5L), (nearest.PersonsWithin15, nearest.PersonsWithin30));
        Assert.Equal(20, nearest.MedianMinutes!.Value, 3);
    }

    [Fact]
    public void Arrive_by_gives_the_last_minute_that_still_arrives_by_the_deadline()
    {
        // By 07:50 at the hub: h0 walks 180 s to A for L1 at 07:05 (last minute 07:02), B 07:20, C 07:22, L2b 07:30,
        // D 07:45, 225 s walk → 07:48:45: 46 min 45 s. h1 walks 140 m (105 s): leaves 07:48. By 07:40 h0 cannot make it.
        var central = FeedBuilder.HubAt("c", HubKind.Central, 10000, 459);
        var households = new[] { At(0, 0, 4), At(10000, 319, 1) };
        var by0750 = CentreAccessibility.Compute(TwoLines(), central, households, [], FourMinutes, 0, new AccessibilityTargets { ArriveBySeconds = Clock(7, 50) });
        Assert.Equal([Clock(7, 2), Clock(7, 48)], by0750.LatestDepartureSeconds!);
        Assert.Equal([(46 * 60) + 45, 105], by0750.ArriveByTravelSeconds!);
        Assert.Equal(5, by0750.All.ArriveBy!.PersonsArriving);
        Assert.Equal(Clock(7, 2), by0750.All.ArriveBy.MedianLatestDepartureSeconds);

        var by0740 = CentreAccessibility.Compute(TwoLines(), central, households, [], FourMinutes, 0, new AccessibilityTargets { ArriveBySeconds = Clock(7, 40) });
        Assert.Equal([-1, Clock(7, 38)], by0740.LatestDepartureSeconds!);
        Assert.Equal(1, by0740.All.ArriveBy!.PersonsArriving);
    }

    private static TransitNetwork RandomNetwork(Random rng)
    {
        var b = new FeedBuilder();
        for (var s = 0; s < 70; s++)
        {
            b.Stop("s" + s, rng.NextDouble() * 5000, rng.NextDouble() * 5000);
        }

        for (var r = 0; r < 14; r++)
        {
            var route = Enumerable.Range(0, 70).OrderBy(_ => rng.Next()).Take(rng.Next(4, 10)).ToArray();
            for (var k = 0; k < 12; k++)
            {
                var t = Clock(6, 30) + rng.Next(0, 2 * 3600);
                var times = new List<GtfsStopTime>();
                for (var i = 0; i < route.Length; i++)
                {
                    times.Add(new GtfsStopTime("t:s" + route[i], i + 1, t, t + (rng.Next(4) == 0 ? 30 : 0), 0, 0));
                    t += rng.Next(60, 301);
                }

                b.TripWithTimes("r" + r, $"r{r}t{k}", times);
            }
        }

        return b.Network();
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Arrive_by_per_household_agrees_with_the_router_one_minute_either_side(int seed)
    {
        var rng = new Random(seed);
        var network = RandomNetwork(rng);
        var centre = FeedBuilder.Point(2500, 2500);
        var central = new Hub("c", "C", HubKind.Central, LonLat.CreatePoint(new Coordinate(centre.Longitude, centre.Latitude)));
        var households = Enumerable.Range(0, 60).Select(_ => At(rng.NextDouble() * 5000, rng.NextDouble() * 5000, 1)).ToList();
        var options = new TransitOptions();
        var deadline = Clock(8, 30);
        var targets = new AccessibilityTargets { ArriveBySeconds = deadline, LookbackMinutes = 90 };
        var result = CentreAccessibility.Compute(network, central, households, [], options, 0, targets);
        int Travel(Household h, int departure) => TransitRouter.TravelSeconds(network, (h.Longitude, h.Latitude), [centre], options with { WindowStartSeconds = departure, WindowEndSeconds = departure + 60 })[0][0];
        var found = 0;
        for (var i = 0; i < households.Count; i++)
        {
            var t = result.LatestDepartureSeconds![i];
            if (t < 0)
            {
                // None of the 90 minutes before the deadline arrives in time.
                for (var m = deadline - (90 * 60); m <= deadline; m += 60)
                {
                    var s = Travel(households[i], m);
                    Assert.True(s == int.MaxValue || m + s > deadline, $"household {i}: {m} arrives in time but none was reported");
                }

                continue;
            }

            found++;
            Assert.Equal(0, t % 60);
            Assert.Equal(result.ArriveByTravelSeconds![i], Travel(households[i], t));
            Assert.True(t + result.ArriveByTravelSeconds[i] <= deadline);
            var later = Travel(households[i], t + 60);
            Assert.True(later == int.MaxValue || t + 60 + later > deadline, $"household {i}: a minute after {t} also arrives in time");
        }

        Assert.True(found > 5, $"only {found} households arrive in time: the random network is too sparse");
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void Nearest_hub_minutes_equal_the_median_of_the_router_minimum_over_hubs(int seed)
    {
        var rng = new Random(seed);
        var network = RandomNetwork(rng);
        var hubs = Enumerable.Range(0, 5).Select(i => FeedBuilder.HubAt("h" + i, i == 0 ? HubKind.Central : HubKind.Regional, rng.NextDouble() * 5000, rng.NextDouble() * 5000)).ToList();
        var households = Enumerable.Range(0, 30).Select(_ => At(rng.NextDouble() * 5000, rng.NextDouble() * 5000, 1)).ToList();
        var options = new TransitOptions { WindowStartSeconds = Clock(7, 0), WindowEndSeconds = Clock(7, 30) };
        var result = CentreAccessibility.Compute(network, hubs[0], households, [], options, 0, new AccessibilityTargets { RegionalHubs = hubs });
        var regional = hubs.Skip(1).Select(h => (h.Location.X, h.Location.Y)).ToList();
        var reachable = 0;
        for (var i = 0; i < households.Count; i++)
        {
            var perHub = TransitRouter.TravelSeconds(network, (households[i].Longitude, households[i].Latitude), regional, options);
            var best = Enumerable.Range(0, perHub[0].Length).Select(d => perHub.Min(h => h[d])).Order().ToArray();
            var median = TravelTimeStatistics.NearestRank(best, 50);
            Assert.Equal(median is { } m ? m / 60f : float.PositiveInfinity, result.NearestHubMedianMinutes![i], 4);
            reachable += median is null ? 0 : 1;
        }

        Assert.True(reachable > 5, $"only {reachable} households reach a hub");
    }
}
