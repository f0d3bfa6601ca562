using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Accessibility of households to the central hub: for each household the median travel time over the
/// departure window (one departure per minute, same journey rules as <see cref="TransitRouter"/>), and the
/// share of persons reaching the hub within 30 and 45 minutes, overall and per zone.
/// <para>How: a journey from a household is an access walk to one stop s, then rides; so its arrival for a
/// departure t is the minimum over nearby stops of F_s(t + walk), where F_s(τ) is the earliest arrival at the
/// hub when standing at s at time τ. F_s is a step function that changes only at departures from s; one
/// <see cref="BackwardProfileSearch"/> per target gives it for every stop at once, and every household then only
/// looks it up.
/// Households are grouped on a square grid of <c>cellSizeMeters</c> in the plane CRS and walk from the cell
/// centre (0 = each distinct point on its own, exact).</para>
/// <para>With <see cref="AccessibilityTargets"/>: the time to the nearest regional hub is the same computation with
/// the egress of every regional hub merged (per stop the shortest walk to any of them), so each departure takes
/// whichever hub it reaches first; arrive-by runs the profiles over the lookback before the deadline and takes,
/// per origin, the latest whole minute from which some access stop's profile still arrives in time. Age groups
/// (<see cref="Household.Persons65Plus"/>, <see cref="Household.Persons0To14"/>) are tallied where known.</para>
/// Thread-safe.
/// </summary>
public static class CentreAccessibility
{
    /// <summary>Default grouping cell, metres: at most 35 m (≈ 27 s walk) from a household to its cell centre.</summary>
    public const double DefaultCellSizeMeters = 50;

    public static CentreAccessibilityResult Compute(TransitNetwork network, Hub central, IReadOnlyList<Household> households, IReadOnlyList<Zone> zones, TransitOptions options, double cellSizeMeters = DefaultCellSizeMeters, AccessibilityTargets? targets = null)
    {
        options.Validate();
        targets ??= new AccessibilityTargets();
        var projection = network.Projection;
        var hub = projection.Project(central.Location.X, central.Location.Y);
        var egress = network.StopsNearPlane(hub.X, hub.Y, options.AccessRadiusMeters, options);

        // Group households by cell.
        var groupOf = new int[households.Count];
        var groups = new Dictionary<(long, long), int>();
        var origins = new List<(double X, double Y)>();
        var xy = new (double X, double Y)[households.Count];
        Parallel.For(0, households.Count, i => xy[i] = projection.Project(households[i].Longitude, households[i].Latitude));
        for (var i = 0; i < households.Count; i++)
        {
            var (x, y) = xy[i];
            (long, long) key = cellSizeMeters > 0 ? ((long)Math.Floor(x / cellSizeMeters), (long)Math.Floor(y / cellSizeMeters)) : (BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(y));
            if (!groups.TryGetValue(key, out var g))
            {
                g = origins.Count;
                groups[key] = g;
                origins.Add(cellSizeMeters > 0 ? ((key.Item1 + 0.5) * cellSizeMeters, (key.Item2 + 0.5) * cellSizeMeters) : (x, y));
            }

            groupOf[i] = g;
        }
        var access = new (int Stop, int WalkSeconds)[origins.Count][];
        Parallel.For(0, origins.Count, g => access[g] = network.StopsNearPlane(origins[g].X, origins[g].Y, options.AccessRadiusMeters, options));
        var needed = new bool[network.Stops.Count];
        var maxWalk = 0;
        foreach (var list in access)
        {
            foreach (var (s, w) in list)
            {
                needed[s] = true;
                maxWalk = Math.Max(maxWalk, w);
            }
        }

        // The centre and the nearest regional hub: the same profile search, only the egress differs.
        var regional = targets.RegionalHubs.Where(h => h.Id != central.Id).ToList();
        var regionalPoints = regional.Select(h => projection.Project(h.Location.X, h.Location.Y)).ToArray();
        List<(int Stop, int WalkSeconds)[]> egressSets = [egress];
        if (regional.Count > 0)
        {
            egressSets.Add(MergeEgress(regionalPoints.Select(p => network.StopsNearPlane(p.X, p.Y, options.AccessRadiusMeters, options))));
        }

        TransitOptions? window = null;
        var from = options.WindowStartSeconds;
        var to = options.WindowEndSeconds + maxWalk;
        if (targets.ArriveBySeconds is { } deadline)
        {
            window = options with { WindowStartSeconds = Math.Max(0, deadline - targets.LookbackMinutes * 60), WindowEndSeconds = deadline + 1 };
            window.Validate();
            (from, to) = (Math.Min(from, window.WindowStartSeconds), Math.Max(to, deadline));
        }

        var profiles = StopProfiles(network, needed, egressSets, options, from, to);
        var departures = options.DepartureSeconds();
        var medians = Medians(origins, [hub], access, Select(profiles, 0), departures, options);
        var result = new CentreAccessibilityResult(central.Id, null!, [], Spread(medians, groupOf), origins.Count, profiles.Count(p => p is not null));
        if (regional.Count > 0)
        {
            result = result with { NearestHubMedianMinutes = Spread(Medians(origins, regionalPoints, access, Select(profiles, 1), departures, options), groupOf) };
        }

        if (window is not null)
        {
            var deadlineSeconds = targets.ArriveBySeconds!.Value;
            var centre = Select(profiles, 0);
            var latest = new int[origins.Count];
            var travel = new int[origins.Count];
            Parallel.For(0, origins.Count, g => (latest[g], travel[g]) = LatestDeparture(origins[g], hub, access[g], centre, window, deadlineSeconds));
            var latestOf = new int[households.Count];
            var travelOf = new int[households.Count];
            for (var i = 0; i < households.Count; i++)
            {
                latestOf[i] = latest[groupOf[i]];
                travelOf[i] = travel[groupOf[i]];
            }

            result = result with { ArriveBySeconds = deadlineSeconds, LatestDepartureSeconds = latestOf, ArriveByTravelSeconds = travelOf };
        }

        var inside = new List<int>[zones.Count];
        Parallel.For(0, zones.Count, z =>
        {
            var locator = new IndexedPointInAreaLocator(zones[z].Geometry);
            var list = new List<int>();
            for (var i = 0; i < households.Count; i++)
            {
                if (locator.Locate(new Coordinate(households[i].Longitude, households[i].Latitude)) != Location.Exterior)
                {
                    list.Add(i);
                }
            }

            inside[z] = list;
        });

        return result with
        {
            All = Tally("all", "all", households, null, result),
            Zones = zones.Select((z, k) => Tally(z.Id, z.Name, households, inside[k], result)).ToList(),
        };
    }

    private static float[] Spread(float[] perGroup, int[] groupOf)
    {
        var result = new float[groupOf.Length];
        for (var i = 0; i < groupOf.Length; i++)
        {
            result[i] = perGroup[groupOf[i]];
        }

        return result;
    }

    /// <summary>Egress to the nearest of several targets: per stop the shortest walk to any of them.</summary>
    private static (int Stop, int WalkSeconds)[] MergeEgress(IEnumerable<(int Stop, int WalkSeconds)[]> lists)
    {
        var best = new Dictionary<int, int>();
        foreach (var list in lists)
        {
            foreach (var (s, w) in list)
            {
                best[s] = best.TryGetValue(s, out var old) ? Math.Min(old, w) : w;
            }
        }

        return best.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    private static float[] Medians(List<(double X, double Y)> origins, (double X, double Y)[] targets, (int Stop, int WalkSeconds)[][] access, (int[] Departures, int[] Arrivals)?[] profiles, int[] departures, TransitOptions options)
    {
        var medians = new float[origins.Count];
        var fastest = AccessMedian.FastestRides(profiles);
        Parallel.For(0, origins.Count, () => new AccessMedian.Workspace(departures.Length), (g, _, workspace) =>
        {
            medians[g] = AccessMedian.Minutes(DirectWalk(origins[g], targets, options), access[g], profiles, fastest, departures, workspace);
            return workspace;
        }, _ => { });
        return medians;
    }

    /// <summary>The walk straight to the nearest target when it lies within the access radius, else <see cref="int.MaxValue"/>.</summary>
    private static int DirectWalk((double X, double Y) origin, (double X, double Y)[] targets, TransitOptions options)
    {
        var best = int.MaxValue;
        foreach (var t in targets)
        {
            var distance = Math.Sqrt((origin.X - t.X) * (origin.X - t.X) + (origin.Y - t.Y) * (origin.Y - t.Y));
            if (distance <= options.AccessRadiusMeters)
            {
                best = Math.Min(best, options.WalkSeconds(distance));
            }
        }

        return best;
    }

    /// <summary>
    /// Arrive-by for one origin: the latest whole minute m of the window from which a journey reaches the hub by the
    /// deadline, and its travel seconds; (-1, -1) when none. For an access stop s (walk w) the latest useful
    /// departure from s is the last profile departure D whose arrival is in time, so m ≤ D − w; walking straight to
    /// the hub, m ≤ deadline − walk. At the chosen m the earliest arrival is recomputed over every access stop.
    /// </summary>
    private static (int Latest, int Travel) LatestDeparture((double X, double Y) origin, (double X, double Y) hub, (int Stop, int WalkSeconds)[] access, (int[] Departures, int[] Arrivals)?[] profiles, TransitOptions window, int deadline)
    {
        var direct = DirectWalk(origin, [hub], window);
        var latest = direct == int.MaxValue ? int.MinValue : deadline - direct;
        foreach (var (s, w) in access)
        {
            if (profiles[s] is not { } profile)
            {
                continue;
            }

            // Arrivals are non-decreasing in the departure: the last one in time.
            var k = UpperBound(profile.Arrivals, deadline) - 1;
            if (k >= 0)
            {
                latest = Math.Max(latest, profile.Departures[k] - w);
            }
        }

        if (latest == int.MinValue)
        {
            return (-1, -1);
        }

        var minute = (int)Math.Floor(latest / 60.0) * 60;
        if (minute < window.WindowStartSeconds)
        {
            return (-1, -1);
        }

        var arrival = direct == int.MaxValue ? int.MaxValue : minute + direct;
        foreach (var (s, w) in access)
        {
            if (profiles[s] is not { } profile)
            {
                continue;
            }

            var k = LowerBound(profile.Departures, minute + w);
            if (k < profile.Departures.Length && profile.Arrivals[k] < arrival)
            {
                arrival = profile.Arrivals[k];
            }
        }

        return arrival <= deadline ? (minute, arrival - minute) : (-1, -1);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// F_s for every needed stop and every egress set: departures from s between <paramref name="from"/> and
    /// <paramref name="to"/> (plus the first after) ascending, and per set the earliest arrival for each (non-decreasing).
    /// One <see cref="BackwardProfileSearch"/> per egress set gives every stop's F_s at once.
    /// </summary>
    internal static (int[] Departures, int[][] Arrivals)?[] StopProfiles(TransitNetwork network, bool[] needed, IReadOnlyList<(int Stop, int WalkSeconds)[]> egressSets, TransitOptions options, int from, int to)
    {
        var result = new (int[], int[][])?[network.Stops.Count];
        var stops = Enumerable.Range(0, network.Stops.Count).Where(s => needed[s]).ToArray();
        if (stops.Length == 0)
        {
            return result;
        }

        var search = new BackwardProfileSearch(network, options, from);
        var profiles = egressSets.Select(e => search.Run(e)).ToArray();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, stops.Length, 64), range =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var s = stops[k];
                var times = DeparturesAt(network, s, from, to);
                if (times.Length == 0)
                {
                    continue;
                }

                var arrivals = new int[profiles.Length][];
                for (var e = 0; e < profiles.Length; e++)
                {
                    arrivals[e] = new int[times.Length];
                    for (var i = 0; i < times.Length; i++)
                    {
                        arrivals[e][i] = search.ArrivalAt(profiles[e], s, times[i]);
                    }
                }

                result[s] = (times, arrivals);
            }
        });
        return result;
    }

    /// <summary>
    /// <see cref="StopProfiles"/> by one range-RAPTOR per needed stop over its departures, latest first: the slower
    /// reference that the tests hold the backward search to.
    /// </summary>
    internal static (int[] Departures, int[][] Arrivals)?[] StopProfilesByForwardSearch(TransitNetwork network, bool[] needed, IReadOnlyList<(int Stop, int WalkSeconds)[]> egressSets, TransitOptions options, int from, int to)
    {
        var result = new (int[], int[][])?[network.Stops.Count];
        var stops = Enumerable.Range(0, network.Stops.Count).Where(s => needed[s]).ToArray();
        if (stops.Length == 0)
        {
            // No origin has a stop within the access radius (or there are no origins): nothing to route.
            return result;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, stops.Length, 16), () => new RaptorSearch(network, options), (range, _, search) =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var s = stops[k];
                var times = DeparturesAt(network, s, from, to);
                if (times.Length == 0)
                {
                    continue;
                }

                var arrivals = egressSets.Select(_ => new int[times.Length]).ToArray();
                search.Reset();
                (int, int)[] origin = [(s, 0)];
                for (var i = times.Length - 1; i >= 0; i--)
                {
                    search.Run(origin, times[i]);
                    var bound = 0;
                    for (var e = 0; e < egressSets.Count; e++)
                    {
                        arrivals[e][i] = search.ArrivalAt(egressSets[e]);
                        bound = Math.Max(bound, arrivals[e][i]);
                    }

                    // Earlier departures arrive no later: what cannot beat every set's arrival is not worth a label.
                    search.Bound = bound;
                }

                result[s] = (times, arrivals);
            }

            return search;
        }, _ => { });
        return result;
    }

    /// <summary>The profiles of one egress set.</summary>
    private static (int[] Departures, int[] Arrivals)?[] Select((int[] Departures, int[][] Arrivals)?[] profiles, int set) =>
        profiles.Select(p => p is { } q ? (q.Departures, q.Arrivals[set]) : ((int[], int[])?)null).ToArray();

    /// <summary>Distinct boardable departure times at a stop from <paramref name="from"/> to <paramref name="to"/>, plus the first one after.</summary>
    private static int[] DeparturesAt(TransitNetwork network, int stop, int from, int to)
    {
        var times = new List<int>();
        var firstAfter = int.MaxValue;
        for (var e = network.StopPatternOffset[stop]; e < network.StopPatternOffset[stop + 1]; e++)
        {
            var p = network.StopPatternPattern[e];
            var pos = network.StopPatternPosition[e];
            var stopBase = network.PatternStopOffset[p];
            var n = network.PatternStopOffset[p + 1] - stopBase;
            if (!network.CanBoard[stopBase + pos] || pos == n - 1)
            {
                continue;
            }

            var tripCount = network.PatternTripOffset[p + 1] - network.PatternTripOffset[p];
            for (var j = 0; j < tripCount; j++)
            {
                var d = network.Departures[network.PatternTimeOffset[p] + j * n + pos];
                if (d >= from && d <= to)
                {
                    times.Add(d);
                }
                else if (d > to && d < firstAfter)
                {
                    firstAfter = d;
                }
            }
        }

        if (firstAfter != int.MaxValue)
        {
            times.Add(firstAfter);
        }

        return times.Distinct().Order().ToArray();
    }

    private static ZoneAccessibility Tally(string id, string name, IReadOnlyList<Household> households, List<int>? members, CentreAccessibilityResult r)
    {
        var count = members?.Count ?? households.Count;
        long persons = 0, within30 = 0, within45 = 0;
        long old = 0, old30 = 0, old45 = 0, young = 0, young30 = 0, young45 = 0;
        bool anyOld = false, anyYoung = false;
        long hub15 = 0, hub30 = 0, arriving = 0;
        var toCentre = new List<(double, long)>(count);
        var toHub = new List<(double, long)>(r.NearestHubMedianMinutes is null ? 0 : count);
        var leave = new List<(double, long)>();
        var ride = new List<(double, long)>();
        for (var k = 0; k < count; k++)
        {
            var i = members?[k] ?? k;
            var h = households[i];
            var m = r.HouseholdMedianMinutes[i];
            persons += h.Persons;
            within30 += m <= 30 ? h.Persons : 0;
            within45 += m <= 45 ? h.Persons : 0;
            toCentre.Add((m, h.Persons));
            if (h.Persons65Plus is { } o)
            {
                anyOld = true;
                old += o;
                old30 += m <= 30 ? o : 0;
                old45 += m <= 45 ? o : 0;
            }

            if (h.Persons0To14 is { } y)
            {
                anyYoung = true;
                young += y;
                young30 += m <= 30 ? y : 0;
                young45 += m <= 45 ? y : 0;
            }

            if (r.NearestHubMedianMinutes is { } nearest)
            {
                var n = nearest[i];
                hub15 += n <= 15 ? h.Persons : 0;
                hub30 += n <= 30 ? h.Persons : 0;
                toHub.Add((n, h.Persons));
            }

            if (r.LatestDepartureSeconds is { } latest && latest[i] >= 0)
            {
                arriving += h.Persons;
                leave.Add((latest[i], h.Persons));
                ride.Add((r.ArriveByTravelSeconds![i] / 60.0, h.Persons));
            }
        }

        return new ZoneAccessibility(id, name, persons, within30, within45)
        {
            MedianMinutes = WeightedMedian(toCentre),
            Aged65Plus = anyOld ? new AgeGroupAccessibility(old, old30, old45) : null,
            Aged0To14 = anyYoung ? new AgeGroupAccessibility(young, young30, young45) : null,
            NearestHub = r.NearestHubMedianMinutes is null ? null : new NearestHubAccessibility(hub15, hub30, WeightedMedian(toHub)),
            ArriveBy = r.LatestDepartureSeconds is null ? null
                : new ArriveByAccessibility(arriving, WeightedMedian(leave) is { } d ? (int)d : null, WeightedMedian(ride)),
        };
    }

    /// <summary>
    /// The persons-weighted median by nearest rank: sorted ascending, the value of the person at rank ⌈W/2⌉ of the W
    /// persons; null when there is nobody or that value is infinite.
    /// </summary>
    public static double? WeightedMedian(List<(double Value, long Weight)> values)
    {
        var total = values.Sum(v => v.Weight);
        if (total == 0)
        {
            return null;
        }

        values.Sort((a, b) => a.Value.CompareTo(b.Value));
        var half = (total + 1) / 2;
        long seen = 0;
        foreach (var (value, weight) in values)
        {
            seen += weight;
            if (seen >= half)
            {
                return double.IsFinite(value) ? value : null;
            }
        }

        return null;
    }
}
