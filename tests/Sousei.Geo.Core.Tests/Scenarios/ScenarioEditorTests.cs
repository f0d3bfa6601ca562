using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Tests.Transit;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Scenarios;

public class ScenarioEditorTests
{
    /// <summary>
    /// The two-line example (TransitRouterTests): A (239, 0) L1 07:05 → B (5000, 0) 07:20; C (5000, 159) L2 07:21 and
    /// 07:30 → D (10000, 159) 07:36 and 07:45. Departures 07:00–07:03 from the origin (0, 0): the walk to A takes 180 s,
    /// B → C 120 s (159 m at 80 m/min), so the 07:03 departure misses L1.
    /// </summary>
    private static FeedBuilder TwoLines() => new FeedBuilder()
        .Stop("A", 239, 0).Stop("B", 5000, 0).Stop("C", 5000, 159).Stop("D", 10000, 159)
        .Trip("L1", "l1", ("A", "07:05"), ("B", "07:20"))
        .Trip("L2", "l2a", ("C", "07:21"), ("D", "07:36"))
        .Trip("L2", "l2b", ("C", "07:30"), ("D", "07:45"));

    private static TransitOptions FourMinutes => new() { WindowStartSeconds = 7 * 3600, WindowEndSeconds = 7 * 3600 + 240 };

    /// <summary>Travel seconds from the origin to (x, y) for the four departures.</summary>
    private static int[] Travel(IReadOnlyList<GtfsFeed> feeds, double x, double y) =>
        TransitRouter.TravelSeconds(TransitNetwork.Build(feeds, FeedBuilder.Day, FeedBuilder.Projection), FeedBuilder.Point(0, 0), [FeedBuilder.Point(x, y)], FourMinutes)[0];

    private static TransitScenario Of(params ScenarioModification[] m) => new("test", null, m);

    private static int Clock(int h, int m) => h * 3600 + m * 60;

    [Fact]
    public void An_added_line_from_an_existing_stop_runs_exactly_at_its_headway()
    {
        // Rail t:A → new stop X (10000, 0), 10 minutes, every 5 minutes 07:00–07:30 (07:00, 07:05, …, 07:25).
        // Departing 07:00: A at 07:03, the 07:05 departure, X at 07:15 → 900 s; 07:01 → 840; 07:02 → 780;
        // 07:03: A at 07:06, the 07:10 departure, X at 07:20 → 1020 s. Without the line: D at 07:45 then 120 s → 2820 − t.
        var line = new AddLine("x", "X line", LineMode.Rail, [new ScenarioStop("t:A", null, null, null), new ScenarioStop(null, "X", FeedBuilder.Point(10000, 0).Longitude, FeedBuilder.Point(10000, 0).Latitude)],
            [10], 0, false, ScenarioDays.All, [new ServiceWindow(Clock(7, 0), Clock(7, 30), 5)]);
        var feeds = new[] { TwoLines().Feed() };
        Assert.Equal([2820, 2760, 2700, int.MaxValue], Travel(feeds, 10000, 0));
        var edited = ScenarioEditor.Apply(feeds, Of(line));
        Assert.Equal([900, 840, 780, 1020], Travel(edited, 10000, 0));
        var added = edited[^1];
        Assert.Equal(6, added.Trips.Count);
        Assert.Equal(2, added.Routes[0].RouteType); // rail: its stops count as rail for the MLIT coverage
        Assert.Single(feeds[0].Trips, t => t.Id == "t:l1"); // the input is not changed
    }

    [Fact]
    public void A_bidirectional_line_runs_the_reversed_stops_with_the_reversed_minutes_and_dwells()
    {
        // Three new stops P, Q, R with 4 and 6 minutes, 1 minute dwell at Q, one departure at 08:00 each way:
        // forward P 08:00, Q 08:04–08:05, R 08:11; backward R 08:00, Q 08:06–08:07, P 08:11.
        ScenarioStop At(string name, double x) => new(null, name, FeedBuilder.Point(x, 0).Longitude, FeedBuilder.Point(x, 0).Latitude);
        var line = new AddLine("pqr", "PQR", LineMode.Bus, [At("P", 0), At("Q", 2000), At("R", 5000)], [4, 6], 1, true, ScenarioDays.Weekdays, [new ServiceWindow(Clock(8, 0), Clock(8, 1), 30)]);
        var feed = ScenarioEditor.Apply([TwoLines().Feed()], Of(line))[^1];
        var forward = feed.Trips.Single(t => t.DirectionId == 0).StopTimes;
        var backward = feed.Trips.Single(t => t.DirectionId == 1).StopTimes;
        Assert.Equal([(Clock(8, 0), Clock(8, 0)), (Clock(8, 4), Clock(8, 5)), (Clock(8, 11), Clock(8, 11))], forward.Select(s => (s.ArrivalSeconds, s.DepartureSeconds)));
        Assert.Equal([(Clock(8, 0), Clock(8, 0)), (Clock(8, 6), Clock(8, 7)), (Clock(8, 11), Clock(8, 11))], backward.Select(s => (s.ArrivalSeconds, s.DepartureSeconds)));
        Assert.Equal(forward.Select(s => s.StopId).Reverse(), backward.Select(s => s.StopId));
        Assert.True(feed.IsServiceActive(feed.Trips[0].ServiceId, FeedBuilder.Day)); // 2026-05-12 is a Tuesday
        Assert.False(feed.IsServiceActive(feed.Trips[0].ServiceId, new DateOnly(2026, 5, 16)));
    }

    [Fact]
    public void Removing_the_first_route_leaves_no_journey()
    {
        var edited = ScenarioEditor.Apply([TwoLines().Feed()], Of(new RemoveRoutes("cut", ["t:L1"])));
        Assert.Equal([int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue], Travel(edited, 10000, 159));
        Assert.DoesNotContain(edited[0].Trips, t => t.RouteId == "t:L1");
        Assert.Equal(2, edited[0].Trips.Count);
    }

    [Fact]
    public void A_new_headway_replaces_the_window_with_copies_of_its_first_trip()
    {
        // L2 every 5 minutes 07:20–07:40 from the template l2a (15 minutes): 07:20, 07:25, 07:30, 07:35. At C by
        // 07:22, so the 07:25 reaches D at 07:40: 2400 − t for the three departures that catch L1.
        var edited = ScenarioEditor.Apply([TwoLines().Feed()], Of(new AdjustHeadway("h", ["t:L2"], Clock(7, 20), Clock(7, 40), 5)));
        Assert.Equal([Clock(7, 20), Clock(7, 25), Clock(7, 30), Clock(7, 35)], edited[0].Trips.Where(t => t.RouteId == "t:L2").Select(t => t.StopTimes[0].DepartureSeconds).Order());
        Assert.All(edited[0].Trips.Where(t => t.RouteId == "t:L2"), t => Assert.Equal(900, t.StopTimes[^1].ArrivalSeconds - t.StopTimes[0].DepartureSeconds));
        Assert.Equal([2400, 2340, 2280, int.MaxValue], Travel(edited, 10000, 159));
    }

    [Fact]
    public void A_faster_route_divides_its_running_times()
    {
        // L1 × 1.5: 15 minutes → 10, B at 07:15, C at 07:17, the 07:21 L2a reaches D at 07:36: 2160 − t.
        var edited = ScenarioEditor.Apply([TwoLines().Feed()], Of(new AdjustSpeed("fast", ["t:L1"], 1.5)));
        Assert.Equal(Clock(7, 15), edited[0].Trips.Single(t => t.RouteId == "t:L1").StopTimes[^1].ArrivalSeconds);
        Assert.Equal([2160, 2100, 2040, int.MaxValue], Travel(edited, 10000, 159));
    }

    [Fact]
    public void Unknown_routes_and_stops_are_problems_naming_the_modification()
    {
        var scenario = Of(new RemoveRoutes("cut", ["t:L9"]),
            new AddLine("x", "X", LineMode.Bus, [new ScenarioStop("t:ZZ", null, null, null), new ScenarioStop("t:A", null, null, null)], [5], 0, false, ScenarioDays.All, [new ServiceWindow(Clock(7, 0), Clock(8, 0), 10)]));
        var problems = ScenarioEditor.Check([TwoLines().Feed()], scenario);
        Assert.Equal([(0, "cut", "routes"), (1, "x", "stops")], problems.Select(p => (p.Index, p.Id, p.Field)));
        Assert.Contains("t:L9", problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Edited_random_feeds_route_like_the_connection_scan_over_the_same_plain_trips(int seed)
    {
        // Every kind of edit on a random network; RAPTOR on the edited feeds against the connection scan (an
        // independent algorithm) over the same trips merged into one plain feed.
        var feed = RandomFeedOf(seed);
        var rng = new Random(seed);
        var routes = feed.Routes.Select(r => r.Id).ToList();
        var stops = feed.Stops.Select(s => s.Id).ToList();
        var scenario = Of(
            new RemoveRoutes("cut", [routes[0]]),
            new AdjustSpeed("fast", [routes[1], routes[2]], 1.3),
            new AdjustHeadway("h", [routes[3]], Clock(6, 0), Clock(9, 0), 7),
            new AddLine("new", "New", LineMode.Tram, [new ScenarioStop(stops[5], null, null, null), new ScenarioStop(null, "N1", FeedBuilder.Point(3000, 3000).Longitude, FeedBuilder.Point(3000, 3000).Latitude), new ScenarioStop(stops[9], null, null, null)],
                [3, 4], 0.5, true, ScenarioDays.All, [new ServiceWindow(Clock(6, 30), Clock(9, 0), 6)]));
        Assert.Empty(ScenarioEditor.Check([feed], scenario));
        var edited = ScenarioEditor.Apply([feed], scenario);
        var merged = FeedBuilder.Merge(edited);
        var network = TransitNetwork.Build(edited, FeedBuilder.Day, FeedBuilder.Projection);
        var csa = new ConnectionScan(merged, FeedBuilder.Day);
        var options = new TransitOptions { MaxRides = 20, AccessRadiusMeters = 600, TransferRadiusMeters = 400 };
        var search = new RaptorSearch(network, options);
        var compared = 0;
        for (var q = 0; q < 15; q++)
        {
            var (ox, oy) = (FeedBuilder.BaseX + rng.NextDouble() * 6000, FeedBuilder.BaseY + rng.NextDouble() * 6000);
            var departure = 6 * 3600 + rng.Next(0, 3 * 3600);
            search.Reset();
            search.Run(network.StopsNearPlane(ox, oy, options.AccessRadiusMeters, options), departure);
            var (vehicle, _) = csa.Run(ox, oy, departure, options);
            for (var s = 0; s < merged.Stops.Count; s++)
            {
                Assert.Equal(vehicle[s], search.BestVehicle[network.StopIndexOf(merged.Stops[s].Id)]);
                compared += vehicle[s] == int.MaxValue ? 0 : 1;
            }
        }

        Assert.True(compared > 50, $"only {compared} stops reached");
    }

    private static GtfsFeed RandomFeedOf(int seed)
    {
        var rng = new Random(seed);
        var b = new FeedBuilder();
        for (var s = 0; s < 80; s++)
        {
            b.Stop("s" + s, rng.NextDouble() * 6000, rng.NextDouble() * 6000);
        }

        for (var r = 0; r < 15; r++)
        {
            var route = Enumerable.Range(0, 80).OrderBy(_ => rng.Next()).Take(rng.Next(4, 10)).ToArray();
            for (var k = 0; k < rng.Next(3, 12); k++)
            {
                var t = 6 * 3600 + rng.Next(0, 3 * 3600);
                var times = new List<GtfsStopTime>();
                for (var i = 0; i < route.Length; i++)
                {
                    times.Add(new GtfsStopTime("t:s" + route[i], i + 1, t, t, 0, 0));
                    t += rng.Next(60, 301);
                }

                b.TripWithTimes("r" + r, $"r{r}t{k}", times);
            }
        }

        return b.Feed();
    }
}
