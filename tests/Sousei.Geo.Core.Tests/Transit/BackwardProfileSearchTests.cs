using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>
/// <see cref="CentreAccessibility.StopProfiles"/> (one backward profile search per target) against
/// <see cref="CentreAccessibility.StopProfilesByForwardSearch"/> (one range-RAPTOR per stop) as the oracle.
/// </summary>
public class BackwardProfileSearchTests
{
    /// <summary>
    /// A seeded random network: stops in clusters of 1–4 within 250 m (so transfer walks exist) in a 5 km square; routes
    /// over 3–12 stops, some in both directions, rides of 1–5 minutes, dwell at a quarter of the calls, no pickup or no
    /// drop-off at a tenth of them each; trips from 05:30 to 10:30 so that windows cut them.
    /// </summary>
    private static TransitNetwork RandomNetwork(int seed, int clusterCount, int routeCount)
    {
        var rng = new Random(seed);
        var b = new FeedBuilder();
        var stopCount = 0;
        for (var c = 0; c < clusterCount; c++)
        {
            var (x, y) = (rng.NextDouble() * 5000, rng.NextDouble() * 5000);
            for (var k = rng.Next(1, 5); k > 0; k--)
            {
                b.Stop("s" + stopCount++, x + (rng.NextDouble() - 0.5) * 250, y + (rng.NextDouble() - 0.5) * 250);
            }
        }

        for (var r = 0; r < routeCount; r++)
        {
            var stops = Enumerable.Range(0, stopCount).OrderBy(_ => rng.Next()).Take(rng.Next(3, 13)).ToArray();
            var directions = rng.Next(3) == 0 ? 2 : 1;
            for (var d = 0; d < directions; d++)
            {
                var calls = d == 0 ? stops : stops.Reverse().ToArray();
                var pickup = calls.Select(_ => rng.Next(10) == 0 ? 1 : 0).ToArray();
                var dropOff = calls.Select(_ => rng.Next(10) == 0 ? 1 : 0).ToArray();
                var ride = calls.Select(_ => rng.Next(60, 301)).ToArray();
                var tripCount = rng.Next(2, 16);
                for (var k = 0; k < tripCount; k++)
                {
                    var t = 5 * 3600 + 1800 + rng.Next(0, 5 * 3600);
                    var times = new List<GtfsStopTime>();
                    for (var i = 0; i < calls.Length; i++)
                    {
                        var departure = t + (rng.Next(4) == 0 ? rng.Next(0, 121) : 0);
                        times.Add(new GtfsStopTime("t:s" + calls[i], i + 1, t, departure, pickup[i], dropOff[i]));

                        // Mostly the same running times on a route (one pattern), sometimes slower (overtaking splits it).
                        t = departure + ride[i] + (rng.Next(5) == 0 ? rng.Next(0, 240) : 0);
                    }

                    b.TripWithTimes($"r{r}d{d}", $"r{r}d{d}t{k}", times);
                }
            }
        }

        return b.Network();
    }

    /// <summary>Egress to the stops within 600 m of a point 100 m east of a random stop.</summary>
    private static (int Stop, int WalkSeconds)[] RandomEgress(TransitNetwork network, Random rng, TransitOptions options)
    {
        var s = rng.Next(network.Stops.Count);
        return network.StopsNearPlane(network.StopX[s] + 100, network.StopY[s], 600, options);
    }

    [Theory]
    [InlineData(1, 1, 7 * 3600, 8 * 3600)]
    [InlineData(2, 2, 7 * 3600, 8 * 3600)]
    [InlineData(3, 5, 7 * 3600, 8 * 3600)]
    [InlineData(4, 5, 6 * 3600, 9 * 3600 + 1800)]
    [InlineData(5, 2, 8 * 3600 + 1234, 8 * 3600 + 2345)]
    [InlineData(6, 1, 9 * 3600, 11 * 3600)]
    [InlineData(7, 5, 7 * 3600 + 600, 7 * 3600 + 1800)]
    [InlineData(8, 3, 7 * 3600, 9 * 3600)]
    public void Backward_profiles_equal_a_range_raptor_per_stop_on_random_networks(int seed, int maxRides, int from, int to)
    {
        var network = RandomNetwork(seed, 45, 30);
        var options = new TransitOptions { MaxRides = maxRides, TransferRadiusMeters = 300 };
        var rng = new Random(seed * 7919);
        (int, int)[][] egressSets = [RandomEgress(network, rng, options), RandomEgress(network, rng, options)];
        var needed = Enumerable.Range(0, network.Stops.Count).Select(_ => rng.Next(10) != 0).ToArray();

        var expected = CentreAccessibility.StopProfilesByForwardSearch(network, needed, egressSets, options, from, to);
        var actual = CentreAccessibility.StopProfiles(network, needed, egressSets, options, from, to);

        var reached = 0;
        var departures = 0;
        for (var s = 0; s < network.Stops.Count; s++)
        {
            Assert.Equal(expected[s] is null, actual[s] is null);
            if (expected[s] is not { } e || actual[s] is not { } a)
            {
                continue;
            }

            Assert.Equal(e.Departures, a.Departures);
            for (var set = 0; set < egressSets.Length; set++)
            {
                Assert.Equal(e.Arrivals[set], a.Arrivals[set]);
                reached += e.Arrivals[set].Count(t => t != int.MaxValue);
            }

            departures += e.Departures.Length;
        }

        // Enough of the profiles must be finite, and some must need a transfer walk, for the comparison to mean anything.
        Assert.True(reached > 50, $"only {reached} of {departures * 2} departures reach a target");
    }

    [Fact]
    public void The_ride_limit_and_the_no_drop_off_rule_hold_in_the_backward_search()
    {
        // A (0, 0) L1 07:00 → B (5000, 0) 07:10; C (5000, 159) is a 2-minute walk from B: L2 07:15 → D (10000, 0) 07:30.
        // L3 07:05 from A passes D at 07:20 without setting down, and reaches E (15000, 0) at 07:25.
        // To D (egress 0 s): one ride cannot (L3 does not set down at D); two rides via the walk B → C arrive 07:30.
        var network = new FeedBuilder()
            .Stop("A", 0, 0).Stop("B", 5000, 0).Stop("C", 5000, 159).Stop("D", 10000, 0).Stop("E", 15000, 0)
            .Trip("L1", "l1", ("A", "07:00"), ("B", "07:10"))
            .Trip("L2", "l2", ("C", "07:15"), ("D", "07:30"))
            .Trip("L3", "l3", "weekday", ("A", "07:05", 0, 0), ("D", "07:20", 0, 1), ("E", "07:25", 0, 0))
            .Network();
        var a = network.StopIndexOf("t:A");
        var d = network.StopIndexOf("t:D");
        var needed = new bool[network.Stops.Count];
        needed[a] = true;
        (int, int)[][] egress = [[(d, 0)]];
        var oneRide = CentreAccessibility.StopProfiles(network, needed, egress, new TransitOptions { MaxRides = 1 }, 7 * 3600, 8 * 3600)[a]!.Value;
        var twoRides = CentreAccessibility.StopProfiles(network, needed, egress, new TransitOptions { MaxRides = 2 }, 7 * 3600, 8 * 3600)[a]!.Value;

        Assert.Equal([7 * 3600, 7 * 3600 + 300], oneRide.Departures);
        Assert.Equal([int.MaxValue, int.MaxValue], oneRide.Arrivals[0]);
        Assert.Equal([7 * 3600 + 1800, int.MaxValue], twoRides.Arrivals[0]);
    }

    [Fact]
    public void A_day_without_trips_has_no_profiles()
    {
        var network = new FeedBuilder().Stop("A", 0, 0).Stop("B", 5000, 0).Network();
        var profiles = CentreAccessibility.StopProfiles(network, [true, true], [[(1, 0)]], new TransitOptions(), 7 * 3600, 8 * 3600);
        Assert.Equal([null, null], profiles);
    }
}
