using Sousei.Geo.Core.Vacant;
using static Sousei.Geo.Core.Tests.Vacant.VacantFixture;

namespace Sousei.Geo.Core.Tests.Vacant;

public class WhatIfTests
{
    [Fact]
    public void Three_houses_inside_at_2_5_persons_raise_100_persons_on_2_ha_to_107_5()
    {
        var study = Study(West, East);
        var baseline = Baseline(study, West, East);
        VacantHouseSite[] occupy =
        [
            VacantHouseSite.Locate(study, House("w1", 20, 20)),
            VacantHouseSite.Locate(study, House("w2", 40, 20)),
            VacantHouseSite.Locate(study, House("e1", 180, 80)),
            VacantHouseSite.Locate(study, House("out", 300, 50)), // outside the area: adds nothing
        ];

        var r = WhatIf.Compute(study, baseline, occupy, HouseholdSizes.Fixed(2.5));

        // Whole area: 100 + 3 × 2.5 = 107.5 persons (fractional persons are kept: an average household size is an
        // expectation). Density 100 / 2 = 50 → 107.5 / 2 = 53.75 /ha.
        // gap before = ceil(60.7 × 2 − 100) = ceil(21.4) = 22; after = ceil(121.4 − 107.5) = ceil(13.9) = 14.
        Assert.Equal(100, r.Before.Total.Population);
        Assert.Equal(107.5, r.After.Total.Population, 9);
        Assert.Equal(7.5, r.PersonsAddedInside, 9);
        Assert.Equal(50, r.Before.Total.DensityPerHectare!.Value, 6);
        Assert.Equal(53.75, r.After.Total.DensityPerHectare!.Value, 6);
        Assert.Equal(22, r.Before.Total.GapPersons);
        Assert.Equal(14, r.After.Total.GapPersons);

        // West (1 ha): 40 + 2 × 2.5 = 45; gap ceil(60.7 − 40) = 21 → ceil(60.7 − 45) = ceil(15.7) = 16.
        // East (1 ha): 60 + 2.5 = 62.5 ≥ 60.7; gap ceil(0.7) = 1 → ceil(−1.8) = −1 (meets).
        var west = r.After.Zones.Single(z => z.Id == "west");
        var east = r.After.Zones.Single(z => z.Id == "east");
        Assert.Equal(21, r.Before.Zones.Single(z => z.Id == "west").GapPersons);
        Assert.Equal(45, west.Population, 9);
        Assert.Equal(16, west.GapPersons);
        Assert.Equal(1, r.Before.Zones.Single(z => z.Id == "east").GapPersons);
        Assert.Equal(62.5, east.Population, 9);
        Assert.Equal(-1, east.GapPersons);
        Assert.True(east.MeetsTarget);

        var outside = r.Occupied.Single(o => o.Id == "out");
        Assert.False(outside.InsideInducementArea);
        Assert.Empty(outside.CountedZoneIds);
        Assert.Equal(["west"], r.Occupied.Single(o => o.Id == "w1").CountedZoneIds);
    }

    [Fact]
    public void Default_size_is_the_zone_average_of_the_latest_year_else_the_area_average()
    {
        var core = new Sousei.Geo.Core.Model.Zone("core", "Core", "hub_area", Sousei.Geo.Core.Tests.Fixtures.PlaneFixture.Rectangle(0, 0, 50, 100));
        var study = Study(West, East, core);
        var sizes = HouseholdSizes.FromHouseholds(study, Households);

        // 2023 is the latest year. West 40 persons / 20 households = 2.0; east 60 / 20 = 3.0 (the three empty
        // households are not counted); area 100 / 40 = 2.5. Core holds no household.
        Assert.Equal(2023, sizes.Year);
        Assert.Equal(2.5, sizes.AreaAverage!.Value, 9);
        Assert.Equal(2.0, sizes.ZoneAverages["west"], 9);
        Assert.Equal(3.0, sizes.ZoneAverages["east"], 9);
        Assert.False(sizes.ZoneAverages.ContainsKey("core"));

        // In core and west: core has no households, so the next-smallest covering zone, west, answers.
        Assert.Equal(2.0, sizes.PersonsFor(VacantHouseSite.Locate(study, House("a", 25, 50))), 9);
        Assert.Equal(3.0, sizes.PersonsFor(VacantHouseSite.Locate(study, House("b", 150, 50))), 9);

        // Without zones the area's average answers.
        var plain = Study();
        Assert.Equal(2.5, HouseholdSizes.FromHouseholds(plain, Households).PersonsFor(VacantHouseSite.Locate(plain, House("c", 150, 50))), 9);

        // The 2015 year: one household of 9 persons.
        Assert.Equal(9, HouseholdSizes.FromHouseholds(plain, Households, 2015).AreaAverage!.Value, 9);
    }

    [Fact]
    public void Default_sizes_feed_the_what_if()
    {
        var study = Study(West, East);
        var r = WhatIf.Compute(study, Baseline(study, West, East),
            [VacantHouseSite.Locate(study, House("w1", 20, 20)), VacantHouseSite.Locate(study, House("e1", 150, 20))],
            HouseholdSizes.FromHouseholds(study, Households));

        // 100 + 2.0 (west) + 3.0 (east) = 105 persons; gap ceil(121.4 − 105) = 17.
        Assert.Equal(105, r.After.Total.Population, 9);
        Assert.Equal(17, r.After.Total.GapPersons);
        Assert.Equal([2.0, 3.0], r.Occupied.Select(o => o.Persons));
    }

    [Fact]
    public void A_house_in_two_overlapping_zones_counts_toward_both()
    {
        var core = new Sousei.Geo.Core.Model.Zone("core", "Core", "hub_area", Sousei.Geo.Core.Tests.Fixtures.PlaneFixture.Rectangle(0, 0, 50, 100));
        var study = Study(West, core);
        var r = WhatIf.Compute(study, Baseline(study, West, core), [VacantHouseSite.Locate(study, House("a", 25, 50))], HouseholdSizes.Fixed(2));

        // Area 100 + 2; west 40 + 2; core (no households) 0 + 2.
        Assert.Equal(102, r.After.Total.Population, 9);
        Assert.Equal(42, r.After.Zones[0].Population, 9);
        Assert.Equal(2, r.After.Zones[1].Population, 9);
        Assert.Equal(["west", "core"], r.Occupied[0].CountedZoneIds);
    }

    [Fact]
    public void Choosing_a_house_twice_or_a_size_of_zero_is_rejected()
    {
        var study = Study();
        var site = VacantHouseSite.Locate(study, House("a", 50, 50));
        Assert.Throws<ArgumentException>(() => WhatIf.Compute(study, Baseline(study), [site, site], HouseholdSizes.Fixed(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => HouseholdSizes.Fixed(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HouseholdSizes.Fixed(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HouseholdSizes.Fixed(double.NaN));
    }
}
