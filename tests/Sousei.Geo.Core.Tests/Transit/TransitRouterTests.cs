using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class TransitRouterTests
{
    private static int?[] Minutes(TransitNetwork network, (double, double) from, (double, double) to, TransitOptions options) =>
        TransitRouter.TravelSeconds(network, FeedBuilder.Point(from.Item1, from.Item2), [FeedBuilder.Point(to.Item1, to.Item2)], options)[0]
            .Select(s => s == int.MaxValue ? (int?)null : s / 60).ToArray();

    private static TransitOptions Window(string start, string end) => new() { WindowStartSeconds = FeedBuilder.Seconds(start), WindowEndSeconds = FeedBuilder.Seconds(end) };

    private static FeedBuilder TwoLines() => new FeedBuilder()
        .Stop("A", 239, 0)           // origin (0,0) → A: 239 m = 3 min
        .Stop("B", 5000, 0)
        .Stop("C", 5000, 159)        // B → C: 159 m → ceil(119.25 s) = 120 s = 2 min
        .Stop("D", 10000, 159)       // D → destination (10000, 558): 399 m → ceil(299.25 s) = 5 min
        .Trip("L1", "l1", ("A", "07:05"), ("B", "07:20"))
        .Trip("L2", "l2a", ("C", "07:21"), ("D", "07:36"))
        .Trip("L2", "l2b", ("C", "07:30"), ("D", "07:45"));

    [Fact]
    public void Two_lines_with_a_transfer_give_50_49_48_minutes_then_no_journey()
    {
        // Leave 07:00: A 07:03, ride 07:05 → B 07:20, walk to C 07:22 (07:21 gone), ride 07:30 → D 07:45, walk 5 min → 07:50 = 50 min.
        // Leave 07:01 → 49, 07:02 → A at 07:05, boards (departure ≥ arrival) → 48; 07:03 → A at 07:06, the only L1 trip has left.
        var minutes = Minutes(TwoLines().Network(), (0, 0), (10000, 558), Window("07:00", "07:04"));
        Assert.Equal([50, 49, 48, null], minutes);
    }

    [Fact]
    public void Nearest_rank_percentiles_of_the_two_line_example_are_48_49_and_null()
    {
        // Sorted 48, 49, 50, ∞ (N = 4): p10 → rank ceil(0.4) = 1 → 48; p50 → rank 2 → 49; p90 → rank ceil(3.6) = 4 → ∞ → null.
        var seconds = TransitRouter.TravelSeconds(TwoLines().Network(), FeedBuilder.Point(0, 0), [FeedBuilder.Point(10000, 558)], Window("07:00", "07:04"))[0];
        Array.Sort(seconds);
        Assert.Equal(48 * 60, TravelTimeStatistics.NearestRank(seconds, 10));
        Assert.Equal(49 * 60, TravelTimeStatistics.NearestRank(seconds, 50));
        Assert.Null(TravelTimeStatistics.NearestRank(seconds, 90));
        Assert.Equal(0.75, TravelTimeStatistics.ShareWithin(seconds, 60 * 60));
    }

    [Fact]
    public void One_minute_window_has_one_departure()
    {
        Assert.Single(Window("07:15", "07:16").DepartureSeconds());
        Assert.Equal(120, new TransitOptions().DepartureSeconds().Length);
    }

    [Fact]
    public void Max_rides_of_one_forbids_the_transfer()
    {
        var options = Window("07:00", "07:01") with { MaxRides = 1 };
        Assert.Equal([null], Minutes(TwoLines().Network(), (0, 0), (10000, 558), options));
    }

    [Fact]
    public void Pickup_type_1_forbids_boarding_and_drop_off_type_1_forbids_alighting()
    {
        // Origin (0,0) → A 3 min; A 07:05 → B 07:20; B → destination (5000, 399): 5 min. Open rules: 07:25 − 07:00 = 25 min.
        FeedBuilder Build(int pickupAtA, int dropOffAtB) => new FeedBuilder().Stop("A", 239, 0).Stop("B", 5000, 0)
            .Trip("L1", "l1", "weekday", ("A", "07:05", pickupAtA, 0), ("B", "07:20", 0, dropOffAtB));
        var options = Window("07:00", "07:01");
        Assert.Equal([25], Minutes(Build(0, 0).Network(), (0, 0), (5000, 399), options));
        Assert.Equal([null], Minutes(Build(1, 0).Network(), (0, 0), (5000, 399), options));
        Assert.Equal([null], Minutes(Build(0, 1).Network(), (0, 0), (5000, 399), options));
    }

    [Fact]
    public void Trip_past_midnight_counts_on_its_own_service_day_only()
    {
        // The service of 2026-05-12 runs a trip at 24:10 → 24:30 (00:10 → 00:30 on the 13th). Leaving at 24:00 on the
        // 12th: A at 24:03, ride 24:10 → B 24:30, walk 5 min → 24:35 = 35 min. The trip of the 11th at 24:10 is, in
        // clock time, 00:10 on the 12th, but belongs to another service day: leaving 00:00 on the 12th waits for the
        // 12th's own 24:10 trip, 24:35 − 00:00 = 1475 min, instead of riding at 00:10 (35 min).
        var builder = new FeedBuilder().Stop("A", 239, 0).Stop("B", 5000, 0)
            .AllDaysService("d12", FeedBuilder.Day).AllDaysService("d11", FeedBuilder.Day.AddDays(-1))
            .Trip("L1", "late12", "d12", ("A", "24:10", 0, 0), ("B", "24:30", 0, 0))
            .Trip("L1", "late11", "d11", ("A", "24:10", 0, 0), ("B", "24:30", 0, 0));
        var network = builder.Network();
        Assert.Equal(1, network.TripCount);
        Assert.Equal([35], Minutes(network, (0, 0), (5000, 399), Window("24:00", "24:01")));
        Assert.Equal([1475], Minutes(network, (0, 0), (5000, 399), Window("00:00", "00:01")));
    }

    [Fact]
    public void Walk_only_within_access_radius_and_nothing_beyond()
    {
        // 399 m → ceil(299.25 s) = 300 s = 5 min; 1000 m is beyond the 800 m access radius and there is no transit.
        var network = new FeedBuilder().Network();
        var options = Window("07:00", "07:02");
        Assert.Equal([5, 5], Minutes(network, (0, 0), (0, 399), options));
        Assert.Equal([null, null], Minutes(network, (0, 0), (0, 1000), options));
    }

    [Fact]
    public void Later_vehicle_arrival_still_starts_a_transfer_walk_when_an_earlier_walk_arrival_exists()
    {
        // Origin → A: 3 min (07:03). L1 A 07:05 → P 07:08, walk P → S 239 m = 3 min: S reached on foot at 07:11.
        // L2 A 07:05 → S 07:14: S reached by vehicle later. T is 239 m from S (3 min) but 478 m from P (> 300 m).
        // A walk cannot follow a walk, so only the vehicle arrival at S can go on: S 07:14 → T 07:17, L3 07:17 → E 07:30,
        // walk E → destination 399 m = 5 min → 07:35 = 35 min. Keeping only the best arrival at S (07:11 on foot) would find none.
        var builder = new FeedBuilder()
            .Stop("A", 239, 0).Stop("P", 3000, 0).Stop("S", 3000, 239).Stop("T", 3000, 478).Stop("E", 8000, 478)
            .Trip("L1", "l1", ("A", "07:05"), ("P", "07:08"))
            .Trip("L2", "l2", ("A", "07:05"), ("S", "07:14"))
            .Trip("L3", "l3", ("T", "07:17"), ("E", "07:30"));
        Assert.Equal([35], Minutes(builder.Network(), (0, 0), (8000, 877), Window("07:00", "07:01")));
    }

    [Fact]
    public void Overtaking_trips_are_split_into_patterns_and_the_faster_one_is_found()
    {
        // Slow trip leaves A 07:05 and reaches B 07:40; express leaves 07:10 and reaches B 07:20. Leaving 07:00:
        // A 07:03; the express gives B 07:20 + 5 min walk = 07:25 → 25 min.
        var builder = new FeedBuilder().Stop("A", 239, 0).Stop("B", 5000, 0)
            .Trip("L1", "slow", ("A", "07:05"), ("B", "07:40"))
            .Trip("L1", "express", ("A", "07:10"), ("B", "07:20"));
        var network = builder.Network();
        Assert.Equal(2, network.PatternCount);
        Assert.Equal([25], Minutes(network, (0, 0), (5000, 399), Window("07:00", "07:01")));
    }
}
