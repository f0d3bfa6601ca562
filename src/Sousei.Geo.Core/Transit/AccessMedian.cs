using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The median travel time of one origin over the departure window, from its access stops' profiles (see
/// <see cref="CentreAccessibility"/>): for departure t the travel time is the least over access stops s (walk w) of
/// F_s(t + w) − t, or the direct walk.
/// <para>Pruned, exactly: a ride from s never takes less than w + r_s, where r_s is the fastest of s's profile (arrival
/// minus departure), so no departure's time via s is below that bound. Once the bound reaches the median found so far,
/// s can only lower times that are at or above the median to values still at or above it, which leaves the median
/// where it is; taking the stops in increasing bound, every later stop is skipped too. Most origins need their few
/// nearest good stops only. <see cref="MinutesMergingEveryStop"/> is the unpruned reference the tests hold it to.</para>
/// Thread-safe given one <see cref="Workspace"/> per thread.
/// </summary>
internal static class AccessMedian
{
    private const double Percentile = 50;

    /// <summary>Buffers of one thread, sized for the departures and the longest access list.</summary>
    internal sealed class Workspace(int departures)
    {
        public int[] Travel { get; } = new int[departures];

        public (int Bound, int Stop, int Walk)[] Order { get; set; } = new (int, int, int)[64];
    }

    /// <summary>Per stop the fastest journey of its profile (arrival − departure, seconds); <see cref="int.MaxValue"/> when none arrives.</summary>
    public static int[] FastestRides((int[] Departures, int[] Arrivals)?[] profiles)
    {
        var fastest = new int[profiles.Length];
        for (var s = 0; s < profiles.Length; s++)
        {
            fastest[s] = int.MaxValue;
            if (profiles[s] is { } p)
            {
                for (var j = 0; j < p.Departures.Length && j < p.Arrivals.Length; j++)
                {
                    if (p.Arrivals[j] != int.MaxValue)
                    {
                        fastest[s] = Math.Min(fastest[s], p.Arrivals[j] - p.Departures[j]);
                    }
                }
            }
        }

        return fastest;
    }

    /// <summary>The median in minutes, +∞ when at least half the departures cannot reach the target.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Minutes(int direct, (int Stop, int WalkSeconds)[] access, (int[] Departures, int[] Arrivals)?[] profiles, int[] fastest, int[] departures, Workspace ws)
    {
        var travel = ws.Travel.AsSpan(0, departures.Length);
        travel.Fill(direct);
        if (ws.Order.Length < access.Length)
        {
            ws.Order = new (int, int, int)[access.Length * 2];
        }

        // The access stops that reach the target, in increasing lower bound (insertion sort: lists are short).
        var order = ws.Order;
        var count = 0;
        foreach (var (s, w) in access)
        {
            if (fastest[s] == int.MaxValue)
            {
                continue;
            }

            var entry = (Bound: w + fastest[s], Stop: s, Walk: w);
            var at = count++;
            while (at > 0 && order[at - 1].Bound > entry.Bound)
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = entry;
        }

        // The median is at most b exactly when at least `rank` departures take b or less: one counting pass decides
        // whether a stop's bound has reached it, without finding the median itself.
        var rank = Math.Clamp((int)Math.Ceiling(Percentile / 100.0 * travel.Length - 1e-9), 1, travel.Length);
        for (var k = 0; k < count; k++)
        {
            var (bound, stop, walk) = order[k];
            if (CountAtMost(travel, bound) >= rank)
            {
                break;
            }

            var profile = profiles[stop]!.Value;
            Merge(travel, departures, walk, profile.Departures, profile.Arrivals);
        }

        var value = TravelTimeStatistics.NearestRankValue(travel, Percentile);
        return value == int.MaxValue ? float.PositiveInfinity : value / 60f;
    }

    /// <summary>The same median with every access stop merged: the reference for <see cref="Minutes"/>.</summary>
    public static float MinutesMergingEveryStop(int direct, (int Stop, int WalkSeconds)[] access, (int[] Departures, int[] Arrivals)?[] profiles, int[] departures)
    {
        var travel = new int[departures.Length];
        travel.AsSpan().Fill(direct);
        foreach (var (s, w) in access)
        {
            if (profiles[s] is { } profile)
            {
                Merge(travel, departures, w, profile.Departures, profile.Arrivals);
            }
        }

        var value = TravelTimeStatistics.NearestRankValue(travel, Percentile);
        return value == int.MaxValue ? float.PositiveInfinity : value / 60f;
    }

    /// <summary>How many of the times are at most <paramref name="limit"/> (vectorised: it runs before every merge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountAtMost(ReadOnlySpan<int> times, int limit)
    {
        var count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && times.Length >= Vector<int>.Count)
        {
            var bound = new Vector<int>(limit);
            var sum = Vector<int>.Zero;
            for (; i <= times.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                sum -= Vector.LessThanOrEqual(new Vector<int>(times[i..]), bound); // true lanes are −1
            }

            count = Vector.Sum(sum);
        }

        for (; i < times.Length; i++)
        {
            count += times[i] <= limit ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Lowers each departure's travel time to the ride from one stop: a merge of two ascending lists, the departures plus
    /// the walk and the stop's profile departures (arrivals non-decreasing, <see cref="int.MaxValue"/> when none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge(Span<int> travel, ReadOnlySpan<int> departures, int walk, ReadOnlySpan<int> leave, ReadOnlySpan<int> arrive)
    {
        var cursor = 0;
        for (var i = 0; i < departures.Length; i++)
        {
            var t = departures[i];
            var ready = t + walk;
            while ((uint)cursor < (uint)leave.Length && leave[cursor] < ready)
            {
                cursor++;
            }

            if ((uint)cursor >= (uint)leave.Length || (uint)cursor >= (uint)arrive.Length || arrive[cursor] == int.MaxValue)
            {
                break;
            }

            var time = arrive[cursor] - t;
            if (time < travel[i])
            {
                travel[i] = time;
            }
        }
    }
}
