using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Tests.Fixtures;

namespace Sousei.Geo.Core.Tests.Density;

public class DensityCalculatorTests
{
    // The inducement area: a 200 m × 100 m rectangle = 20,000 m² = 2 ha.
    private static readonly Geometry Area = PlaneFixture.Rectangle(0, 0, 200, 100);

    // A zone covering x 0..150 m (and beyond the area in y): zone ∩ area = 150 × 100 m = 1.5 ha.
    private static readonly Zone West = new("west", "West", "ward", PlaneFixture.Rectangle(0, -50, 150, 300));

    private static Household H(double x, double y, int persons, int year = 2023)
    {
        var (lon, lat) = PlaneFixture.Point(x, y);
        return new Household(lon, lat, persons, year);
    }

    private static StudyArea Study(params Zone[] zones) => new(Area, zones, PlaneFixture.Projection);

    [Fact]
    public void Density_of_two_hectare_square_with_121_persons_is_60_5()
    {
        var corner = Area.Coordinates[0]; // a vertex of the area: on the boundary, counted (ST_Covers semantics)
        var data = new CityDataset
        {
            InducementArea = Area,
            Households =
            [
                H(50, 50, 50),
                H(120, 30, 40),
                new Household(corner.X, corner.Y, 31, 2023),
                H(250, 50, 7),          // outside
                H(60, 60, 9, 2015),     // another year
            ],
        };

        var result = DensityCalculator.Compute(Study(), data, DensityMethod.Households, 2023);

        // 50 + 40 + 31 = 121 persons over 2 ha = 60.5 /ha; gap = ceil(60.7 × 2) − 121 = 122 − 121 = 1.
        Assert.Equal(121, result.Total.Population);
        Assert.Equal(2.0, result.Total.AreaHectares, 6);
        Assert.Equal(60.5, result.Total.DensityPerHectare!.Value, 5);
        Assert.Equal(1, result.Total.GapPersons);
        Assert.False(result.Total.MeetsTarget);
    }

    [Fact]
    public void Households_are_split_by_zone_clipped_to_the_area()
    {
        var data = new CityDataset
        {
            InducementArea = Area,
            Households = [H(50, 50, 50), H(120, 30, 40), H(170, 50, 31), H(100, 150, 5)], // the last is in the zone but outside the area
        };

        var result = DensityCalculator.Compute(Study(West), data, DensityMethod.Households, 2023);
        var west = Assert.Single(result.Zones);

        // West ∩ area = 1.5 ha holding 50 + 40 = 90 persons = 60 /ha; gap = ceil(60.7 × 1.5) − 90 = ceil(91.05) − 90 = 2.
        Assert.Equal(90, west.Population);
        Assert.Equal(1.5, west.AreaHectares, 6);
        Assert.Equal(60.0, west.DensityPerHectare!.Value, 5);
        Assert.Equal(2, west.GapPersons);
        Assert.Equal(121, result.Total.Population);
    }

    [Fact]
    public void Areal_weighting_takes_the_share_of_each_block_inside_the_area()
    {
        var data = new CityDataset
        {
            InducementArea = Area,
            TownBlocks =
            [
                new TownBlock("A", "A", PlaneFixture.Rectangle(0, 0, 100, 100), 100, 2023),   // wholly inside: 100
                new TownBlock("B", "B", PlaneFixture.Rectangle(100, 0, 200, 100), 60, 2023),  // half inside: 60 × 1/2 = 30
                new TownBlock("C", "C", PlaneFixture.Rectangle(400, 0, 100, 100), 80, 2023),  // outside: 0
                new TownBlock("A", "A", PlaneFixture.Rectangle(0, 0, 100, 100), 999, 2015),   // another year
            ],
        };

        var result = DensityCalculator.Compute(Study(West), data, DensityMethod.Blocks, 2023);

        // 100 + 30 = 130 persons on 2 ha = 65 /ha; gap = 122 − 130 = −8 (headroom).
        Assert.Equal(130, result.Total.Population, 6);
        Assert.Equal(65, result.Total.DensityPerHectare!.Value, 5);
        Assert.Equal(-8, result.Total.GapPersons);
        Assert.True(result.Total.MeetsTarget);

        // West (x 0..150): all of A (100) + B's part x 100..150 = 50 m of its 200 m → 60 × 0.25 = 15 → 115.
        Assert.Equal(115, result.Zones[0].Population, 6);
    }

    [Fact]
    public void Dasymetric_method_spreads_block_persons_by_residential_floor_area()
    {
        var data = new CityDataset
        {
            InducementArea = Area,
            TownBlocks =
            [
                new TownBlock("A", "A", PlaneFixture.Rectangle(0, 0, 100, 100), 100, 2023),
                new TownBlock("B", "B", PlaneFixture.Rectangle(100, 0, 200, 100), 60, 2023),
            ],
            Buildings =
            [
                new Building("b1", PlaneFixture.Rectangle(140, 40, 10, 10), 3, "residential"), // inside, 100 m² × 3 = 300 m²
                new Building("b2", PlaneFixture.Rectangle(240, 40, 10, 10), 1, "mixed"),       // outside, 100 m² × 1 = 100 m²
                new Building("b3", PlaneFixture.Rectangle(160, 60, 20, 20), 9, "commercial"),  // not lived in: ignored
            ],
        };

        var result = DensityCalculator.Compute(Study(West), data, DensityMethod.Buildings, 2023);

        // Block A has no residential building → areal weighting: 100 (wholly inside).
        // Block B: 60 persons × 300 / (300 + 100) = 45 in b1 (inside), 15 in b2 (outside). Total 145 on 2 ha = 72.5 /ha.
        Assert.Equal(145, result.Total.Population, 6);
        Assert.Equal(72.5, result.Total.DensityPerHectare!.Value, 5);

        // West (x 0..150): A's 100 + b1 (centroid x = 145, inside West) 45 = 145.
        Assert.Equal(145, result.Zones[0].Population, 6);
    }

    [Fact]
    public void Holes_are_not_part_of_the_area()
    {
        // 200 × 100 m with a 50 × 50 m hole: 20,000 − 2,500 = 17,500 m² = 1.75 ha.
        var outer = PlaneFixture.RectanglePlane(0, 0, 200, 100);
        var hole = PlaneFixture.RectanglePlane(20, 20, 50, 50);
        var factory = outer.Factory;
        var withHole = PlaneFixture.Projection.Unproject(factory.CreatePolygon(outer.Shell, [hole.Shell]));
        var data = new CityDataset
        {
            InducementArea = withHole,
            Households = [H(40, 40, 10), H(150, 50, 7)], // the first is in the hole
        };

        var result = DensityCalculator.Compute(new StudyArea(withHole, [], PlaneFixture.Projection), data, DensityMethod.Households, 2023);

        Assert.Equal(1.75, result.Total.AreaHectares, 6);
        Assert.Equal(7, result.Total.Population);
        // gap = ceil(60.7 × 1.75) − 7 = ceil(106.225) − 7 = 107 − 7 = 100.
        Assert.Equal(100, result.Total.GapPersons);
    }

    [Fact]
    public void Gap_of_an_exact_target_is_not_rounded_up_by_floating_point()
    {
        // 60.7 × 10 ha = 607 exactly; 607 persons meet the target with a gap of 0.
        var d = new AreaDensity("x", "x", 607, 10, 60.7);
        Assert.Equal(0, d.GapPersons);
        Assert.True(d.MeetsTarget);
    }

    [Fact]
    public void Households_count_matches_a_brute_force_count_on_random_points()
    {
        var random = new Random(42);
        var households = new List<Household>();
        for (var i = 0; i < 20_000; i++)
        {
            households.Add(H(random.NextDouble() * 400 - 100, random.NextDouble() * 300 - 100, random.Next(0, 6), random.Next(2) == 0 ? 2015 : 2023));
        }

        var data = new CityDataset { InducementArea = Area, Households = households };
        var result = DensityCalculator.Compute(Study(West), data, DensityMethod.Households, 2015);

        // Independent: NTS Geometry.Covers on each point, one by one.
        var gf = Area.Factory;
        long expected = households.Where(h => h.Year == 2015 && Area.Covers(gf.CreatePoint(new Coordinate(h.Longitude, h.Latitude)))).Sum(h => h.Persons);
        long expectedWest = households.Where(h => h.Year == 2015 && Area.Covers(gf.CreatePoint(new Coordinate(h.Longitude, h.Latitude))) && West.Geometry.Covers(gf.CreatePoint(new Coordinate(h.Longitude, h.Latitude)))).Sum(h => h.Persons);
        Assert.Equal(expected, (long)result.Total.Population);
        Assert.Equal(expectedWest, (long)result.Zones[0].Population);
    }
}
