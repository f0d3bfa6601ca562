using System.Text;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The transit layer for one service day: boardable stops projected to a plane CRS, and the day's trips
/// grouped into RAPTOR route patterns (Delling, Pajor, Werneck 2012) — trips of one GTFS route with the
/// same stop sequence and the same pickup/drop-off rules, split further so that no trip overtakes
/// another. Stop times are flat arrays (trip-major inside each pattern). Only trips whose service runs
/// on <see cref="ServiceDate"/> are kept; times stay seconds after midnight of that day, past 24:00 too.
/// Immutable after <see cref="Build"/>; every query is thread-safe.
/// </summary>
public sealed class TransitNetwork
{
    private readonly Dictionary<(double, double), TransferTable> _transfers = [];
    private readonly Dictionary<string, int> _stopIndex;

    private TransitNetwork(DateOnly serviceDate, PlaneProjection projection, List<TransitStop> stops, List<GtfsRoute> routes)
    {
        ServiceDate = serviceDate;
        Projection = projection;
        Stops = stops;
        Routes = routes;
        StopX = stops.Select(s => s.X).ToArray();
        StopY = stops.Select(s => s.Y).ToArray();
        Grid = new StopGrid(StopX, StopY);
        _stopIndex = stops.ToDictionary(s => s.Id, s => s.Index);
    }

    /// <summary>The service day D.</summary>
    public DateOnly ServiceDate { get; }

    /// <summary>The plane CRS in which distances are measured.</summary>
    public PlaneProjection Projection { get; }

    /// <summary>Boardable stops (location_type 0) of every feed; index = <see cref="TransitStop.Index"/>.</summary>
    public IReadOnlyList<TransitStop> Stops { get; }

    /// <summary>Routes of every feed (ids namespaced).</summary>
    public IReadOnlyList<GtfsRoute> Routes { get; }

    /// <summary>Trips running on the service day.</summary>
    public int TripCount => TripIds.Length;

    /// <summary>Route patterns built for RAPTOR.</summary>
    public int PatternCount => PatternRoute.Length;

    /// <summary>Stop calls of the day's trips.</summary>
    public int StopTimeCount => Arrivals.Length;

    internal double[] StopX { get; }

    internal double[] StopY { get; }

    internal StopGrid Grid { get; }

    internal int[] PatternRoute { get; private set; } = [];

    /// <summary>Offsets into <see cref="PatternStops"/>, <see cref="CanBoard"/>, <see cref="CanAlight"/>; length patterns + 1.</summary>
    internal int[] PatternStopOffset { get; private set; } = [];

    internal int[] PatternStops { get; private set; } = [];

    internal bool[] CanBoard { get; private set; } = [];

    internal bool[] CanAlight { get; private set; } = [];

    /// <summary>Offsets into the trip arrays (<see cref="TripIds"/> …); the trips of a pattern are contiguous, sorted by departure.</summary>
    internal int[] PatternTripOffset { get; private set; } = [];

    /// <summary>Offset of a pattern's first time in <see cref="Arrivals"/>/<see cref="Departures"/>; time of trip j at position i = offset + j × stops + i.</summary>
    internal int[] PatternTimeOffset { get; private set; } = [];

    internal int[] Arrivals { get; private set; } = [];

    internal int[] Departures { get; private set; } = [];

    internal string[] TripIds { get; private set; } = [];

    internal int[] TripDirection { get; private set; } = [];

    internal int[] TripPattern { get; private set; } = [];

    /// <summary>CSR from stop to the (pattern, position) pairs that call there.</summary>
    internal int[] StopPatternOffset { get; private set; } = [];

    internal int[] StopPatternPattern { get; private set; } = [];

    internal int[] StopPatternPosition { get; private set; } = [];

    /// <summary>Index of the stop with that namespaced id, or -1.</summary>
    public int StopIndexOf(string stopId) => _stopIndex.TryGetValue(stopId, out var i) ? i : -1;

    /// <summary>
    /// Builds the network of <paramref name="serviceDate"/> from <paramref name="feeds"/> (ids already
    /// namespaced and unique across feeds). Stop times of trips that call at a stop unknown to the
    /// feeds, or at a non-boardable stop, are skipped (the IO layer reports them).
    /// </summary>
    public static TransitNetwork Build(IEnumerable<GtfsFeed> feeds, DateOnly serviceDate, PlaneProjection projection)
    {
        var feedList = feeds.ToList();
        var stops = new List<TransitStop>();
        var stopIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var routes = new List<GtfsRoute>();
        var routeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feed in feedList)
        {
            foreach (var s in feed.Stops)
            {
                if (s.LocationType != 0 || stopIndex.ContainsKey(s.Id))
                {
                    continue;
                }

                var (x, y) = projection.Project(s.Longitude, s.Latitude);
                stopIndex[s.Id] = stops.Count;
                stops.Add(new TransitStop(stops.Count, s.Id, s.Name, s.Longitude, s.Latitude, x, y, false));
            }

            foreach (var r in feed.Routes)
            {
                if (routeIndex.TryAdd(r.Id, routes.Count))
                {
                    routes.Add(r);
                }
            }
        }

        // Group the day's trips by (route, stops, pickup/drop-off rules).
        var groups = new Dictionary<string, List<(GtfsTrip Trip, int[] Stops)>>(StringComparer.Ordinal);
        var groupRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var railStop = new bool[stops.Count];
        var key = new StringBuilder();
        foreach (var feed in feedList)
        {
            foreach (var trip in feed.Trips)
            {
                if (trip.StopTimes.Count < 2 || !routeIndex.TryGetValue(trip.RouteId, out var route) || !feed.IsServiceActive(trip.ServiceId, serviceDate))
                {
                    continue;
                }

                var tripStops = new int[trip.StopTimes.Count];
                var ok = true;
                key.Clear().Append(route).Append('|');
                for (var i = 0; i < tripStops.Length; i++)
                {
                    var st = trip.StopTimes[i];
                    if (!stopIndex.TryGetValue(st.StopId, out tripStops[i]))
                    {
                        ok = false;
                        break;
                    }

                    key.Append(tripStops[i]).Append(st.PickupType == 1 ? 'n' : 'b').Append(st.DropOffType == 1 ? 'n' : 'a').Append(',');
                }

                if (!ok)
                {
                    continue;
                }

                if (routes[route].IsRail)
                {
                    foreach (var s in tripStops)
                    {
                        railStop[s] = true;
                    }
                }

                var k = key.ToString();
                if (!groups.TryGetValue(k, out var list))
                {
                    groups[k] = list = [];
                    groupRoute[k] = route;
                }

                list.Add((trip, tripStops));
            }
        }

        for (var i = 0; i < stops.Count; i++)
        {
            if (railStop[i])
            {
                stops[i] = stops[i] with { IsRail = true };
            }
        }

        var network = new TransitNetwork(serviceDate, projection, stops, routes);
        network.Flatten(groups, groupRoute);
        return network;
    }

    private void Flatten(Dictionary<string, List<(GtfsTrip Trip, int[] Stops)>> groups, Dictionary<string, int> groupRoute)
    {
        var patternRoute = new List<int>();
        var patternStopOffset = new List<int> { 0 };
        var patternStops = new List<int>();
        var canBoard = new List<bool>();
        var canAlight = new List<bool>();
        var patternTripOffset = new List<int> { 0 };
        var patternTimeOffset = new List<int>();
        var arrivals = new List<int>();
        var departures = new List<int>();
        var tripIds = new List<string>();
        var tripDirection = new List<int>();
        var tripPattern = new List<int>();

        foreach (var (k, trips) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            trips.Sort((a, b) =>
            {
                var c = a.Trip.StopTimes[0].DepartureSeconds.CompareTo(b.Trip.StopTimes[0].DepartureSeconds);
                return c != 0 ? c : string.CompareOrdinal(a.Trip.Id, b.Trip.Id);
            });

            // Split so that within a pattern no trip overtakes another: RAPTOR's earliest-trip search relies on it.
            var subPatterns = new List<List<GtfsTrip>>();
            foreach (var (trip, _) in trips)
            {
                var placed = false;
                foreach (var sub in subPatterns)
                {
                    if (NotOvertaken(sub[^1], trip))
                    {
                        sub.Add(trip);
                        placed = true;
                        break;
                    }
                }

                if (!placed)
                {
                    subPatterns.Add([trip]);
                }
            }

            var stopsOfGroup = trips[0].Stops;
            var first = trips[0].Trip.StopTimes;
            foreach (var sub in subPatterns)
            {
                var p = patternRoute.Count;
                patternRoute.Add(groupRoute[k]);
                for (var i = 0; i < stopsOfGroup.Length; i++)
                {
                    patternStops.Add(stopsOfGroup[i]);
                    canBoard.Add(first[i].PickupType != 1);
                    canAlight.Add(first[i].DropOffType != 1);
                }

                patternStopOffset.Add(patternStops.Count);
                patternTimeOffset.Add(arrivals.Count);
                foreach (var trip in sub)
                {
                    foreach (var st in trip.StopTimes)
                    {
                        arrivals.Add(st.ArrivalSeconds);
                        departures.Add(st.DepartureSeconds);
                    }

                    tripIds.Add(trip.Id);
                    tripDirection.Add(trip.DirectionId ?? -1);
                    tripPattern.Add(p);
                }

                patternTripOffset.Add(tripIds.Count);
            }
        }

        PatternRoute = [.. patternRoute];
        PatternStopOffset = [.. patternStopOffset];
        PatternStops = [.. patternStops];
        CanBoard = [.. canBoard];
        CanAlight = [.. canAlight];
        PatternTripOffset = [.. patternTripOffset];
        PatternTimeOffset = [.. patternTimeOffset];
        Arrivals = [.. arrivals];
        Departures = [.. departures];
        TripIds = [.. tripIds];
        TripDirection = [.. tripDirection];
        TripPattern = [.. tripPattern];

        var counts = new int[Stops.Count + 1];
        foreach (var s in PatternStops)
        {
            counts[s + 1]++;
        }

        for (var s = 0; s < Stops.Count; s++)
        {
            counts[s + 1] += counts[s];
        }

        StopPatternOffset = (int[])counts.Clone();
        StopPatternPattern = new int[PatternStops.Length];
        StopPatternPosition = new int[PatternStops.Length];
        var fill = (int[])counts.Clone();
        for (var p = 0; p < PatternRoute.Length; p++)
        {
            for (var i = PatternStopOffset[p]; i < PatternStopOffset[p + 1]; i++)
            {
                var s = PatternStops[i];
                StopPatternPattern[fill[s]] = p;
                StopPatternPosition[fill[s]] = i - PatternStopOffset[p];
                fill[s]++;
            }
        }
    }

    private static bool NotOvertaken(GtfsTrip earlier, GtfsTrip later)
    {
        for (var i = 0; i < earlier.StopTimes.Count; i++)
        {
            if (earlier.StopTimes[i].ArrivalSeconds > later.StopTimes[i].ArrivalSeconds || earlier.StopTimes[i].DepartureSeconds > later.StopTimes[i].DepartureSeconds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Stops within <paramref name="radiusMeters"/> of a longitude/latitude point, with walk seconds at <paramref name="options"/>' speed.</summary>
    public IReadOnlyList<(int Stop, int WalkSeconds)> StopsNear(double longitude, double latitude, double radiusMeters, TransitOptions options)
    {
        var (x, y) = Projection.Project(longitude, latitude);
        return StopsNearPlane(x, y, radiusMeters, options);
    }

    /// <summary>The stops within the radius of a plane point with their walk seconds, in stop order. Thread-safe.</summary>
    /// <remarks>Called once per origin (hundreds of thousands of times for exact accessibility), so the candidate list
    /// is one per thread and the result is sorted in place.</remarks>
    internal (int Stop, int WalkSeconds)[] StopsNearPlane(double x, double y, double radiusMeters, TransitOptions options)
    {
        var near = t_near ??= [];
        near.Clear();
        Grid.Near(x, y, radiusMeters, near);
        var result = new (int Stop, int WalkSeconds)[near.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (near[i].Stop, options.WalkSeconds(near[i].DistanceMeters));
        }

        result.AsSpan().Sort(static (a, b) => a.Stop.CompareTo(b.Stop));
        return result;
    }

    [ThreadStatic]
    private static List<(int Stop, double DistanceMeters)>? t_near;

    /// <summary>Transfer walks for a radius and speed, built once and cached.</summary>
    internal TransferTable Transfers(TransitOptions options)
    {
        var key = (options.TransferRadiusMeters, options.WalkSpeedMetersPerSecond);
        lock (_transfers)
        {
            if (!_transfers.TryGetValue(key, out var table))
            {
                table = new TransferTable(this, options);
                _transfers[key] = table;
            }

            return table;
        }
    }
}
