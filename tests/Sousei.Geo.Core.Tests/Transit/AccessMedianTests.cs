using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>The pruned median of an origin's departures against merging every access stop (the reference), and by hand.</summary>
public sealed class AccessMedianTests
{
    [Fact]
    public void Two_stops_by_hand_give_the_median_of_the_better_ride_per_departure()
    {
        // Departures 0, 60, 120 (three minutes). Stop 0 (walk 30 s): buses at 100 and 200 arriving 700 and 800.
        // Stop 1 (walk 0): a bus at 60 arriving 1,300. Travel per departure: t=0 → stop 0's 100 bus, 700;
        // t=60 → 100 bus again (ready 90), 640; t=120 → 200 bus (ready 150), 680. Median (rank 2 of 3) = 680 s.
        (int[] Departures, int[] Arrivals)?[] profiles = [([100, 200], [700, 800]), ([60], [1300])];
        (int, int)[] access = [(0, 30), (1, 0)];
        var fastest = AccessMedian.FastestRides(profiles);
        Assert.Equal([600, 1240], fastest);
        var minutes = AccessMedian.Minutes(int.MaxValue, access, profiles, fastest, [0, 60, 120], new AccessMedian.Workspace(3));
        Assert.Equal(680 / 60f, minutes);
        Assert.Equal(minutes, AccessMedian.MinutesMergingEveryStop(int.MaxValue, access, profiles, [0, 60, 120]));
    }

    [Fact]
    public void Pruning_gives_the_reference_median_on_random_origins()
    {
        var random = new Random(20261201);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var stops = random.Next(1, 40);
            var profiles = new (int[] Departures, int[] Arrivals)?[stops];
            for (var s = 0; s < stops; s++)
            {
                if (random.Next(6) == 0)
                {
                    continue; // a stop without a profile
                }

                var n = random.Next(0, 12);
                var leave = Enumerable.Range(0, n).Select(_ => random.Next(0, 9000)).Distinct().Order().ToArray();
                var arrive = new int[leave.Length];
                var last = 0;
                for (var j = 0; j < leave.Length; j++)
                {
                    // Non-decreasing arrivals after each departure; sometimes none from some departure on.
                    last = Math.Max(last, leave[j] + random.Next(60, 3600));
                    arrive[j] = random.Next(20) == 0 || (j > 0 && arrive[j - 1] == int.MaxValue) ? int.MaxValue : last;
                }

                profiles[s] = (leave, arrive);
            }

            var access = Enumerable.Range(0, stops).Where(_ => random.Next(3) > 0).Select(s => (s, random.Next(0, 700))).ToArray();
            var departures = Enumerable.Range(0, random.Next(1, 121)).Select(i => i * 60).ToArray();
            var direct = random.Next(4) == 0 ? random.Next(0, 3000) : int.MaxValue;
            var expected = AccessMedian.MinutesMergingEveryStop(direct, access, profiles, departures);
            var actual = AccessMedian.Minutes(direct, access, profiles, AccessMedian.FastestRides(profiles), departures, new AccessMedian.Workspace(departures.Length));
            Assert.True(expected.Equals(actual), $"trial {trial}: pruned {actual}, reference {expected}");
        }
    }
}
