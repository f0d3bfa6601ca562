using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class RaptorCrossCheckTests
{
    /// <summary>A seeded random network: stops in a 6 km square, routes over 4–12 distinct stops, rides of 1–5 minutes.</summary>
    private static FeedBuilder RandomFeed(int seed, int stopCount, int routeCount)
    {
        var rng = new Random(seed);
        var b = new FeedBuilder();
        for (var s = 0; s < stopCount; s++)
        {
            b.Stop("s" + s, rng.NextDouble() * 6000, rng.NextDouble() * 6000);
        }

        for (var r = 0; r < routeCount; r++)
        {
            var stops = Enumerable.Range(0, stopCount).OrderBy(_ => rng.Next()).Take(rng.Next(4, 13)).ToArray();
            var tripCount = rng.Next(3, 15);
            for (var k = 0; k < tripCount; k++)
            {
                var t = 6 * 3600 + rng.Next(0, 4 * 3600);
                var times = new List<GtfsStopTime>();
                for (var i = 0; i < stops.Length; i++)
                {
                    var arrival = t;
                    var departure = arrival + (rng.Next(4) == 0 ? rng.Next(0, 61) : 0);
                    times.Add(new GtfsStopTime("t:s" + stops[i], i + 1, arrival, departure, rng.Next(10) == 0 ? 1 : 0, rng.Next(10) == 0 ? 1 : 0));
                    t = departure + rng.Next(60, 301);
                }

                b.TripWithTimes("r" + r, $"r{r}t{k}", times);
            }
        }

        return b;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Raptor_single_departures_match_connection_scan_on_random_feeds(int seed)
    {
        var builder = RandomFeed(seed, 120, 25);
        var feed = builder.Feed();
        var network = TransitNetwork.Build([feed], FeedBuilder.Day, FeedBuilder.Projection);
        var csa = new ConnectionScan(feed, FeedBuilder.Day);
        var options = new TransitOptions { MaxRides = 20, AccessRadiusMeters = 600, TransferRadiusMeters = 400 };
        var rng = new Random(seed * 7919);
        var search = new RaptorSearch(network, options);
        var compared = 0;
        for (var q = 0; q < 20; q++)
        {
            var x = rng.NextDouble() * 6000;
            var y = rng.NextDouble() * 6000;
            var departure = 6 * 3600 + rng.Next(0, 3 * 3600);
            var (ox, oy) = (FeedBuilder.BaseX + x, FeedBuilder.BaseY + y);
            var access = network.StopsNearPlane(ox, oy, options.AccessRadiusMeters, options);
            search.Reset();
            search.Run(access, departure);
            var (vehicle, any) = csa.Run(ox, oy, departure, options);
            for (var s = 0; s < feed.Stops.Count; s++)
            {
                var i = network.StopIndexOf(feed.Stops[s].Id);
                Assert.Equal(vehicle[s], search.BestVehicle[i]);
                Assert.Equal(any[s], Math.Min(search.BestVehicle[i], search.BestWalk(i)));
                if (vehicle[s] != int.MaxValue)
                {
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} stops reached: the random network is too sparse to test anything");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Range_raptor_matches_connection_scan_run_for_each_departure(int seed)
    {
        // Range-RAPTOR reuses the labels of later departures; each minute must still equal a fresh single-departure scan.
        var builder = RandomFeed(seed, 100, 20);
        var feed = builder.Feed();
        var network = TransitNetwork.Build([feed], FeedBuilder.Day, FeedBuilder.Projection);
        var csa = new ConnectionScan(feed, FeedBuilder.Day);
        var options = new TransitOptions { MaxRides = 20, WindowStartSeconds = 7 * 3600, WindowEndSeconds = 8 * 3600 };
        var rng = new Random(seed);
        var origin = FeedBuilder.Point(rng.NextDouble() * 6000, rng.NextDouble() * 6000);
        var targets = Enumerable.Range(0, 8).Select(_ => FeedBuilder.Point(rng.NextDouble() * 6000, rng.NextDouble() * 6000)).ToList();
        var result = TransitRouter.TravelSeconds(network, origin, targets, options);
        var (ox, oy) = FeedBuilder.Projection.Project(origin.Longitude, origin.Latitude);
        var departures = options.DepartureSeconds();
        var stopXy = feed.Stops.Select(s => FeedBuilder.Projection.Project(s.Longitude, s.Latitude)).ToArray();
        for (var i = 0; i < departures.Length; i++)
        {
            var (vehicle, _) = csa.Run(ox, oy, departures[i], options);
            for (var j = 0; j < targets.Count; j++)
            {
                var (tx, ty) = FeedBuilder.Projection.Project(targets[j].Longitude, targets[j].Latitude);
                var best = int.MaxValue;
                var direct = Math.Sqrt(Math.Pow(tx - ox, 2) + Math.Pow(ty - oy, 2));
                if (direct <= options.AccessRadiusMeters)
                {
                    best = departures[i] + options.WalkSeconds(direct);
                }

                for (var s = 0; s < stopXy.Length; s++)
                {
                    var d = Math.Sqrt(Math.Pow(tx - stopXy[s].X, 2) + Math.Pow(ty - stopXy[s].Y, 2));
                    if (vehicle[s] != int.MaxValue && d <= options.AccessRadiusMeters)
                    {
                        best = Math.Min(best, vehicle[s] + options.WalkSeconds(d));
                    }
                }

                Assert.Equal(best == int.MaxValue ? int.MaxValue : best - departures[i], result[j][i]);
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Centre_accessibility_by_stop_profiles_equals_a_range_raptor_per_household(int seed)
    {
        // The per-stop profiles F_s must give each household exactly the median a direct range-RAPTOR from it gives.
        var feed = RandomFeed(seed, 100, 25).Feed();
        var network = TransitNetwork.Build([feed], FeedBuilder.Day, FeedBuilder.Projection);
        var options = new TransitOptions { WindowStartSeconds = 7 * 3600, WindowEndSeconds = 8 * 3600 };
        var rng = new Random(seed);
        var centre = FeedBuilder.Point(3000, 3000);
        var central = new Model.Hub("c", "C", HubKind.Central, new NetTopologySuite.Geometries.Point(centre.Longitude, centre.Latitude) { SRID = 4326 });
        var households = Enumerable.Range(0, 40).Select(_ => FeedBuilder.Point(rng.NextDouble() * 6000, rng.NextDouble() * 6000))
            .Select(p => new Model.Household(p.Longitude, p.Latitude, 1, 2025)).ToList();
        var result = CentreAccessibility.Compute(network, central, households, [], options, cellSizeMeters: 0);
        var reachable = 0;
        for (var i = 0; i < households.Count; i++)
        {
            var seconds = TransitRouter.TravelSeconds(network, (households[i].Longitude, households[i].Latitude), [centre], options)[0];
            Array.Sort(seconds);
            var median = TravelTimeStatistics.NearestRank(seconds, 50);
            Assert.Equal(median is { } m ? m / 60f : float.PositiveInfinity, result.HouseholdMedianMinutes[i], 4);
            reachable += median is null ? 0 : 1;
        }

        Assert.True(reachable > 5, $"only {reachable} households reach the centre");
    }
}
