using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Hub-to-hub connectivity of a multi-core city from real timetables: for every ordered pair of hubs the
/// travel-time percentiles over the departure window (range-RAPTOR, see <see cref="TransitRouter"/>),
/// the shares of departures arriving within 30/45/60 minutes and the direct trips per day; for every hub
/// its trips and routes per day and its median time to the central hub. Origins run in parallel. Thread-safe.
/// </summary>
public static class HubConnectivity
{
    /// <summary>Default percentiles: 10, 50, 90.</summary>
    public static IReadOnlyList<int> DefaultPercentiles { get; } = [10, 50, 90];

    /// <summary>Computes the matrix. Hub points are longitude/latitude; <paramref name="percentiles"/> are 0–100.</summary>
    public static HubConnectivityResult Compute(TransitNetwork network, IReadOnlyList<Hub> hubs, TransitOptions options, IReadOnlyList<int>? percentiles = null)
    {
        options.Validate();
        percentiles ??= DefaultPercentiles;
        if (percentiles.Any(p => p < 0 || p > 100))
        {
            throw new ArgumentException("percentiles must be between 0 and 100", nameof(percentiles));
        }

        var points = hubs.Select(h => network.Projection.Project(h.Location.X, h.Location.Y)).ToArray();
        var near = points.Select(p => network.StopsNearPlane(p.X, p.Y, options.AccessRadiusMeters, options)).ToArray();
        var departures = options.DepartureSeconds();
        var travel = new int[hubs.Count][][];
        Parallel.For(0, hubs.Count, () => new RaptorSearch(network, options), (o, _, search) =>
        {
            travel[o] = TransitRouter.TravelSeconds(network, points[o], points, near, search, options);
            return search;
        }, _ => { });

        var direct = DirectTrips(network, near, out var tripsPerHub, out var routesPerHub);
        var central = hubs.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.IsCentral);
        var hasCentral = central.h is not null;
        var pairs = new List<HubPair>();
        var medians = new double?[hubs.Count, hubs.Count];
        for (var o = 0; o < hubs.Count; o++)
        {
            for (var d = 0; d < hubs.Count; d++)
            {
                if (o == d)
                {
                    continue;
                }

                var seconds = travel[o][d];
                var sorted = (int[])seconds.Clone();
                Array.Sort(sorted);
                var minutes = new SortedDictionary<int, double?>();
                foreach (var p in percentiles)
                {
                    minutes[p] = TravelTimeStatistics.Minutes(TravelTimeStatistics.NearestRank(sorted, p));
                }

                var median = TravelTimeStatistics.Minutes(TravelTimeStatistics.NearestRank(sorted, 50));
                medians[o, d] = median;
                pairs.Add(new HubPair(hubs[o].Id, hubs[d].Id, minutes, median,
                    TravelTimeStatistics.ShareWithin(seconds, 30 * 60),
                    TravelTimeStatistics.ShareWithin(seconds, 45 * 60),
                    TravelTimeStatistics.ShareWithin(seconds, 60 * 60),
                    direct[o, d]));
            }
        }

        var stats = hubs.Select((h, i) => new HubStats(h.Id, h.Name, h.Kind, near[i].Length, tripsPerHub[i], routesPerHub[i],
            !hasCentral ? null : i == central.i ? 0 : medians[i, central.i])).ToList();
        return new HubConnectivityResult(network.ServiceDate, options.WindowStartSeconds, options.WindowEndSeconds, departures.Length, [.. percentiles], pairs, stats);
    }

    /// <summary>
    /// Trips that call at a stop near hub A where boarding is allowed and later at a stop near hub B where
    /// alighting is allowed, each trip counted once per pair; plus trips and routes calling near each hub.
    /// </summary>
    internal static int[,] DirectTrips(TransitNetwork network, (int Stop, int WalkSeconds)[][] near, out int[] tripsPerHub, out int[] routesPerHub)
    {
        var hubCount = near.Length;
        var hubsAtStop = new List<int>?[network.Stops.Count];
        for (var h = 0; h < hubCount; h++)
        {
            foreach (var (s, _) in near[h])
            {
                (hubsAtStop[s] ??= []).Add(h);
            }
        }

        var direct = new int[hubCount, hubCount];
        var trips = new int[hubCount];
        var routes = new HashSet<int>[hubCount];
        for (var h = 0; h < hubCount; h++)
        {
            routes[h] = [];
        }

        var boarded = new bool[hubCount];
        var served = new bool[hubCount];
        var counted = new bool[hubCount, hubCount];
        for (var p = 0; p < network.PatternCount; p++)
        {
            var stopBase = network.PatternStopOffset[p];
            var n = network.PatternStopOffset[p + 1] - stopBase;
            var tripCount = network.PatternTripOffset[p + 1] - network.PatternTripOffset[p];
            Array.Clear(boarded);
            Array.Clear(served);
            Array.Clear(counted);
            for (var i = 0; i < n; i++)
            {
                if (hubsAtStop[network.PatternStops[stopBase + i]] is not { } at)
                {
                    continue;
                }

                if (network.CanAlight[stopBase + i])
                {
                    foreach (var b in at)
                    {
                        for (var a = 0; a < hubCount; a++)
                        {
                            if (boarded[a] && a != b)
                            {
                                counted[a, b] = true;
                            }
                        }
                    }
                }

                foreach (var h in at)
                {
                    if (network.CanBoard[stopBase + i] || network.CanAlight[stopBase + i])
                    {
                        served[h] = true;
                    }
                }

                if (network.CanBoard[stopBase + i])
                {
                    foreach (var a in at)
                    {
                        boarded[a] = true;
                    }
                }
            }

            // Every trip of a pattern has the same stops and rules, so counts are per pattern × trips.
            for (var a = 0; a < hubCount; a++)
            {
                if (served[a])
                {
                    trips[a] += tripCount;
                    routes[a].Add(network.PatternRoute[p]);
                }

                for (var b = 0; b < hubCount; b++)
                {
                    if (counted[a, b])
                    {
                        direct[a, b] += tripCount;
                    }
                }
            }
        }

        tripsPerHub = trips;
        routesPerHub = routes.Select(r => r.Count).ToArray();
        return direct;
    }
}
