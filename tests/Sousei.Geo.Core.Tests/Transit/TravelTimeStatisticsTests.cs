using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>The selection-based percentile (no sort) against sorting first, the definition, on random travel times.</summary>
public sealed class TravelTimeStatisticsTests
{
    [Fact]
    public void Nearest_rank_by_selection_equals_nearest_rank_of_the_sorted_values()
    {
        var random = new Random(20261201);
        for (var run = 0; run < 5000; run++)
        {
            var n = random.Next(1, 200);
            var values = new int[n];
            for (var i = 0; i < n; i++)
            {
                // Few distinct values (duplicates), unreachable departures (int.MaxValue) and wide ranges alike.
                values[i] = random.Next(4) switch
                {
                    0 => int.MaxValue,
                    1 => random.Next(5) * 60,
                    _ => random.Next(0, 7200),
                };
            }

            var percentile = random.Next(5) switch { 0 => 50, 1 => 10, 2 => 90, 3 => 100, _ => random.Next(1, 100) };
            var sorted = values.Order().ToArray();
            Assert.Equal(TravelTimeStatistics.NearestRank(sorted, percentile), TravelTimeStatistics.NearestRankUnsorted(values, percentile));
        }
    }

    [Fact]
    public void The_median_of_five_hand_picked_times_is_the_third()
    {
        // Sorted 60, 120, 300, 600, 900: rank ceil(0.5 × 5) = 3 → 300 s.
        Assert.Equal(300, TravelTimeStatistics.NearestRankUnsorted(new[] { 900, 60, 600, 300, 120 }, 50));
        Assert.Null(TravelTimeStatistics.NearestRankUnsorted(new[] { int.MaxValue, int.MaxValue, 60 }, 50));
        Assert.Null(TravelTimeStatistics.NearestRankUnsorted(Span<int>.Empty, 50));
    }
}
