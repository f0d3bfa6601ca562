using Sousei.Geo.Core.Vacant;
using static Sousei.Geo.Core.Tests.Vacant.VacantFixture;

namespace Sousei.Geo.Core.Tests.Vacant;

public class TargetReachTests
{
    [Fact]
    public void Nine_top_houses_close_the_area_gap_while_the_west_stock_is_not_enough()
    {
        var study = Study(West, East);
        var baseline = Baseline(study, West, East);
        // Rank order: e1, w1..w6, e2, e3, e4, then an outside house (never counted).
        var ranked = new List<VacantHouseSite> { VacantHouseSite.Locate(study, House("e1", 150, 10)) };
        ranked.AddRange(Enumerable.Range(1, 6).Select(i => VacantHouseSite.Locate(study, House($"w{i}", 10 * i, 30))));
        ranked.AddRange(Enumerable.Range(2, 3).Select(i => VacantHouseSite.Locate(study, House($"e{i}", 150, 10 * i))));
        ranked.Add(VacantHouseSite.Locate(study, House("out", 500, 50)));

        var r = TargetReach.Compute(study, baseline, ranked, HouseholdSizes.Fixed(2.5));

        // Whole area: 100 persons, target 121.4: 8 × 2.5 = 20 leaves 101.4 short by 1.4; 9 × 2.5 = 22.5 → 122.5 ≥ 121.4.
        Assert.Equal(9, r.Total.HousesNeeded);
        Assert.Equal(10, r.Total.HousesAvailable);
        Assert.Equal(25, r.Total.PersonsAvailable, 9);
        Assert.Equal(22, r.Total.GapPersonsBefore);
        Assert.Equal(-3, r.Total.GapPersonsIfAllOccupied); // ceil(121.4 − 125) = ceil(−3.6) = −3

        // West: 40 + 6 × 2.5 = 55 < 60.7: not enough; still ceil(60.7 − 55) = ceil(5.7) = 6 short.
        var west = r.Zones[0];
        Assert.False(west.StockEnough);
        Assert.Null(west.HousesNeeded);
        Assert.Equal(6, west.HousesAvailable);
        Assert.Equal(6, west.GapPersonsIfAllOccupied);

        // East: 60 + 2.5 (its first house in rank order, e1) = 62.5 ≥ 60.7.
        Assert.Equal(1, r.Zones[1].HousesNeeded);
    }

    [Fact]
    public void An_area_that_meets_the_target_needs_no_house()
    {
        var study = Study(West, East);
        var baseline = Baseline(study, West, East) with { };
        var low = baseline with { Total = baseline.Total with { TargetPerHectare = 40 } };

        var r = TargetReach.Compute(study, low, [], HouseholdSizes.Fixed(2.5));

        Assert.True(r.Total.AlreadyMeets);
        Assert.Equal(0, r.Total.HousesNeeded);
        Assert.Null(r.Zones[0].HousesNeeded); // west still below 60.7 and there are no houses
    }
}
