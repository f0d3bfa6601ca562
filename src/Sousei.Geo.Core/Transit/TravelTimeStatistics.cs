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
