using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Core.Tests.Density;

public class DensityTrendTests
{
    private static AreaDensity A(string id, double population, double hectares) => new(id, id, population, hectares, 60.7);

    private static DensityResult Year(int year, double total, params (string Id, double Population)[] zones) =>
        new(DensityMethod.Households, year, A("inducement_area", total, 2), zones.Select(z => A(z.Id, z.Population, 1)).ToList());

    [Fact]
    public void Compound_growth_from_64_to_100_persons_on_2_ha_crosses_60_7_in_2025()
    {
        var history = new[]
        {
            Year(2020, 100, ("down", 50), ("meets", 65), ("falls", 64)),
            Year(2010, 64, ("down", 70), ("meets", 60), ("falls", 80)),
        };

        var r = DensityTrend.Project(history);

        // r = (100 / 64)^(1/10) − 1 = 1.5625^0.1 − 1 ≈ 4.564 %/year. Target 60.7 × 2 ha = 121.4 persons.
        // 2024: 100 × 1.5625^0.4 ≈ 119.55 < 121.4; 2025: 100 × 1.5625^0.5 = 125 ≥ 121.4 → crosses in 2025 (62.5 /ha).
        Assert.Equal(2010, r.FirstYear);
        Assert.Equal(2020, r.LastYear);
        Assert.Equal(Math.Pow(1.5625, 0.1) - 1, r.Total.AnnualGrowthRate!.Value, 12);
        Assert.Equal(TrendStatus.Crosses, r.Total.Status);
        Assert.Equal(2025, r.Total.CrossingYear);
        Assert.Equal(62.5, r.Total.DensityIn(2025)!.Value, 9);

        // down: 70 → 50 on 1 ha, falling and below: never by 2100.
        Assert.Equal(TrendStatus.NotByHorizon, r.Zones[0].Status);
        Assert.Null(r.Zones[0].CrossingYear);

        // meets: 65 ≥ 60.7 and growing.
        Assert.Equal(TrendStatus.Meets, r.Zones[1].Status);
        Assert.Null(r.Zones[1].FallsBelowYear);

        // falls: 80 → 64 (r = 0.8^0.1 − 1); 2022: 64 × 0.8^0.2 ≈ 61.21 ≥ 60.7; 2023: 64 × 0.8^0.3 ≈ 59.86 < 60.7.
        Assert.Equal(TrendStatus.Meets, r.Zones[2].Status);
        Assert.Equal(2023, r.Zones[2].FallsBelowYear);
    }

    [Fact]
    public void A_horizon_before_the_crossing_says_not_by_horizon()
    {
        var r = DensityTrend.Project([Year(2010, 64), Year(2020, 100)], horizonYear: 2024);
        Assert.Equal(TrendStatus.NotByHorizon, r.Total.Status);
    }

    [Fact]
    public void One_year_or_an_empty_first_year_gives_no_model()
    {
        Assert.Equal(TrendStatus.NoModel, DensityTrend.Project([Year(2020, 100)]).Total.Status);
        Assert.Equal(TrendStatus.NoModel, DensityTrend.Project([Year(2010, 0), Year(2020, 100)]).Total.Status);
        Assert.Equal(TrendStatus.Meets, DensityTrend.Project([Year(2020, 130)]).Total.Status);
        Assert.Throws<ArgumentException>(() => DensityTrend.Project([]));
    }
}
