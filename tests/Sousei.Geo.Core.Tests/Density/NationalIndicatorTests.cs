using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Tests.Fixtures;

namespace Sousei.Geo.Core.Tests.Density;

/// <summary>IF101 (share of the city's population inside) and IF107 (projected density), worked by hand.</summary>
public class NationalIndicatorTests
{
    // The inducement area: x 0..200 m, y 0..100 m = 2 ha.
    private static readonly StudyArea Study = new(PlaneFixture.Rectangle(0, 0, 200, 100), [], PlaneFixture.Projection);

    private static TownBlock Block(string code, double x0, double y0, double x1, double y1, int persons, int year = 2020) =>
        new(code, code, PlaneFixture.Rectangle(x0, y0, x1 - x0, y1 - y0), persons, year);

    [Fact]
    public void Share_of_city_population_counts_every_household_of_the_year()
    {
        var (lon, lat) = PlaneFixture.Point(50, 50);
        var (outLon, outLat) = PlaneFixture.Point(500, 50);
        var data = new CityDataset
        {
            InducementArea = Study.Area.LonLat,
            Households = [new Household(lon, lat, 30, 2023), new Household(outLon, outLat, 70, 2023), new Household(outLon, outLat, 999, 2015)],
        };

        var r = DensityCalculator.Compute(Study, data, DensityMethod.Households, 2023);

        // 30 inside of 30 + 70 = 100 in the city that year (the 2015 household is another year): 30 %.
        Assert.Equal(100, r.CityPopulation);
        Assert.Equal(0.30, r.ShareOfCityPopulation!.Value, 9);
    }

    [Fact]
    public void City_population_of_units_is_weighted_by_the_share_of_each_unit_inside_the_wards()
    {
        // The ward: x 0..400 m. A unit x 300..500 (half in the ward) with 100 persons counts 50; one wholly inside
        // with 40 counts 40; one outside (x 600..700) counts 0. City population 90.
        var ward = new Zone("w1", "Ward", Kinds.Ward, PlaneFixture.Rectangle(0, -100, 400, 300));
        var data = new CityDataset
        {
            InducementArea = Study.Area.LonLat,
            Zones = [ward],
            TownBlocks = [Block("a", 300, 0, 500, 100, 100), Block("b", 0, 0, 100, 100, 40), Block("c", 600, 0, 700, 100, 25)],
        };

        var city = DensityCalculator.CityPopulation(Study, data, DensityMethod.Blocks, 2020);

        Assert.Equal(90, city, 6);

        // Without wards every unit counts whole: 165.
        Assert.Equal(165, DensityCalculator.CityPopulation(Study, new CityDataset { InducementArea = Study.Area.LonLat, TownBlocks = data.TownBlocks }, DensityMethod.Blocks, 2020));
    }

    [Fact]
    public void Projected_density_weights_cells_by_their_share_inside_and_measures_only_the_covered_part()
    {
        // Cell A: x 0..100, y 0..100 (1 ha, wholly inside), 80 persons in 2030, 70 in 2040.
        // Cell B: x 150..250, y 0..100 (1 ha, half inside), 60 persons in 2030, 40 in 2040 → counts 30 and 20.
        // Cell C: x 400..500 (outside): ignored. Covered: 1 + 0.5 = 1.5 ha of the 2 ha area (75 %).
        // 2030: (80 + 30) / 1.5 = 73.33 persons/ha; gap = ceil(60.7 × 1.5 − 110) = ceil(−18.95) = −18.
        // 2040: (70 + 20) / 1.5 = 60.0 persons/ha; gap = ceil(91.05 − 90) = 2 → below.
        ProjectionCell Cell(string code, double x0, double x1, double p2030, double p2040) =>
            new(code, PlaneFixture.Rectangle(x0, 0, x1 - x0, 100), new Dictionary<int, double> { [2030] = p2030, [2040] = p2040 });

        var r = ProjectedDensity.Compute(Study, [Cell("A", 0, 100, 80, 70), Cell("B", 150, 250, 60, 40), Cell("C", 400, 500, 1000, 1000)]);

        Assert.Equal(2, r.Cells);
        Assert.Equal(1.5, r.CoveredHectares, 6);
        Assert.Equal(0.75, r.CoveredShare, 6);
        Assert.Equal([2030, 2040], r.Years.Select(y => y.Year));
        var (_, y2030) = r.Years[0];
        Assert.Equal(110, y2030.Population, 6);
        Assert.Equal(73.3333, y2030.DensityPerHectare!.Value, 3);
        Assert.Equal(-18, y2030.GapPersons);
        var (_, y2040) = r.Years[1];
        Assert.Equal(60.0, y2040.DensityPerHectare!.Value, 6);
        Assert.Equal(2, y2040.GapPersons);
        Assert.False(y2040.MeetsTarget);
    }
}
