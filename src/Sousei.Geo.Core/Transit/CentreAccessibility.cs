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
/// hub when standing at s at time τ. F_s is a step function that changes only at departures from s, so one
/// range-RAPTOR per stop over those departures gives it exactly; every household then only looks it up.
/// Households are grouped on a square grid of <c>cellSizeMeters</c> in the plane CRS and walk from the cell
/// centre (0 = each distinct point on its own, exact).</para> Thread-safe.
/// </summary>
public static class CentreAccessibility
{
    /// <summary>Default grouping cell, metres: at most 35 m (≈ 27 s walk) from a household to its cell centre.</summary>
    public const double DefaultCellSizeMeters = 50;

    public static CentreAccessibilityResult Compute(TransitNetwork network, Hub central, IReadOnlyList<Household> households, IReadOnlyList<Zone> zones, TransitOptions options, double cellSizeMeters = DefaultCellSizeMeters)
    {
        options.Validate();
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

        var profiles = StopProfiles(network, needed, egress, options, options.WindowEndSeconds + maxWalk);
        var departures = options.DepartureSeconds();
        var medians = new float[origins.Count];
        Parallel.For(0, origins.Count, () => new int[departures.Length], (g, _, buffer) =>
        {
            medians[g] = MedianMinutes(origins[g], hub, access[g], profiles, departures, options, buffer);
            return buffer;
        }, _ => { });

        var householdMinutes = new float[households.Count];
        for (var i = 0; i < households.Count; i++)
        {
            householdMinutes[i] = medians[groupOf[i]];
        }

        var all = Tally("all", "all", households, householdMinutes, null);
        var zoneRows = zones.Select(z => Tally(z.Id, z.Name, households, householdMinutes, new IndexedPointInAreaLocator(z.Geometry))).ToList();
        return new CentreAccessibilityResult(central.Id, all, zoneRows, householdMinutes, origins.Count, profiles.Count(p => p is not null));
    }

    /// <summary>F_s for every needed stop: departures from s ascending and the earliest hub arrival for each (non-decreasing).</summary>
    internal static (int[] Departures, int[] Arrivals)?[] StopProfiles(TransitNetwork network, bool[] needed, (int Stop, int WalkSeconds)[] egress, TransitOptions options, int lastTime)
    {
        var result = new (int[], int[])?[network.Stops.Count];
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
                var times = DeparturesAt(network, s, options.WindowStartSeconds, lastTime);
                if (times.Length == 0)
                {
                    continue;
                }

                var arrivals = new int[times.Length];
                search.Reset();
                (int, int)[] origin = [(s, 0)];
                for (var i = times.Length - 1; i >= 0; i--)
                {
                    search.Run(origin, times[i]);
                    arrivals[i] = search.ArrivalAt(egress);
                }

                result[s] = (times, arrivals);
            }

            return search;
        }, _ => { });
        return result;
    }

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

    private static float MedianMinutes((double X, double Y) origin, (double X, double Y) hub, (int Stop, int WalkSeconds)[] access, (int[] Departures, int[] Arrivals)?[] profiles, int[] departures, TransitOptions options, int[] best)
    {
        var distance = Math.Sqrt((origin.X - hub.X) * (origin.X - hub.X) + (origin.Y - hub.Y) * (origin.Y - hub.Y));
        var direct = distance <= options.AccessRadiusMeters ? options.WalkSeconds(distance) : int.MaxValue;
        for (var i = 0; i < departures.Length; i++)
        {
            best[i] = direct == int.MaxValue ? int.MaxValue : departures[i] + direct;
        }

        foreach (var (s, w) in access)
        {
            if (profiles[s] is not { } profile)
            {
                continue;
            }

            var cursor = 0;
            for (var i = 0; i < departures.Length; i++)
            {
                var ready = departures[i] + w;
                while (cursor < profile.Departures.Length && profile.Departures[cursor] < ready)
                {
                    cursor++;
                }

                if (cursor == profile.Departures.Length)
                {
                    break;
                }

                if (profile.Arrivals[cursor] < best[i])
                {
                    best[i] = profile.Arrivals[cursor];
                }
            }
        }

        for (var i = 0; i < departures.Length; i++)
        {
            best[i] = best[i] == int.MaxValue ? int.MaxValue : best[i] - departures[i];
        }

        Array.Sort(best);
        var median = TravelTimeStatistics.NearestRank(best, 50);
        return median is { } m ? m / 60f : float.PositiveInfinity;
    }

    private static ZoneAccessibility Tally(string id, string name, IReadOnlyList<Household> households, float[] minutes, IPointOnGeometryLocator? zone)
    {
        long persons = 0, within30 = 0, within45 = 0;
        for (var i = 0; i < households.Count; i++)
        {
            var h = households[i];
            if (zone is not null && zone.Locate(new Coordinate(h.Longitude, h.Latitude)) == Location.Exterior)
            {
                continue;
            }

            persons += h.Persons;
            within30 += minutes[i] <= 30 ? h.Persons : 0;
            within45 += minutes[i] <= 45 ? h.Persons : 0;
        }

        return new ZoneAccessibility(id, name, persons, within30, within45);
    }
}
