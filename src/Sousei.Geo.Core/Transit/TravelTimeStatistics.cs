namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Percentiles by nearest rank over the departures of a window: with N departures sorted ascending,
/// percentile p is the value at rank ceil(p / 100 × N) (at least 1). A departure with no journey is
/// infinite; an infinite percentile is reported as null.
/// </summary>
public static class TravelTimeStatistics
{
    /// <summary>The nearest-rank percentile of <paramref name="sortedSeconds"/> (ascending, <see cref="int.MaxValue"/> = no journey), or null when infinite.</summary>
    public static int? NearestRank(ReadOnlySpan<int> sortedSeconds, double percentile)
    {
        if (sortedSeconds.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sortedSeconds.Length - 1e-9);
        rank = Math.Clamp(rank, 1, sortedSeconds.Length);
        var v = sortedSeconds[rank - 1];
        return v == int.MaxValue ? null : v;
    }

    /// <summary>
    /// <see cref="NearestRank"/> of values in any order, found by selection (Hoare's quickselect, expected linear time)
    /// instead of a sort; the span is reordered. The same value as sorting first, since an order statistic is unique.
    /// </summary>
    public static int? NearestRankUnsorted(Span<int> seconds, double percentile)
    {
        if (seconds.Length == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * seconds.Length - 1e-9), 1, seconds.Length);
        var v = Select(seconds, rank - 1);
        return v == int.MaxValue ? null : v;
    }

    /// <summary>Like <see cref="NearestRankUnsorted"/>, with <see cref="int.MaxValue"/> (unreachable) kept as it is.</summary>
    internal static int NearestRankValue(Span<int> seconds, double percentile) =>
        Select(seconds, Math.Clamp((int)Math.Ceiling(percentile / 100.0 * seconds.Length - 1e-9), 1, seconds.Length) - 1);

    /// <summary>The <paramref name="k"/>-th smallest value (0-based), reordering the span.</summary>
    private static int Select(Span<int> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            // Median of three as the pivot, then Hoare partition.
            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }

    /// <summary>Share (0–1) of departures whose travel time is at most <paramref name="limitSeconds"/>.</summary>
    public static double ShareWithin(ReadOnlySpan<int> seconds, int limitSeconds)
    {
        if (seconds.Length == 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var s in seconds)
        {
            if (s <= limitSeconds)
            {
                count++;
            }
        }

        return (double)count / seconds.Length;
    }

    /// <summary>Seconds to minutes, or null.</summary>
    public static double? Minutes(int? seconds) => seconds is { } s ? s / 60.0 : null;
}
