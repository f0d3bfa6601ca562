using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The trend's tables, with the numbers of <see cref="DensityTrendJson"/>: the projected density of each area (the whole
/// 居住誘導区域 first, then each zone) in each year of its projection, and one row per area with the model and the year it
/// crosses (or falls below) the target. Without a model (one year of data) the first table has no rows and the second says why (status no_model).
/// </summary>
internal static class TrendTables
{
    public static IReadOnlyList<Table> Of(TrendReport report)
    {
        var r = report.Projection;
        var target = DensityTables.Num(r.Total.TargetPerHectare);
        var areas = new List<(TrendProjection Row, string? Kind)> { (r.Total, null) };
        areas.AddRange(r.Zones.Select(z => (z, report.ZoneKinds.TryGetValue(z.Id, out var k) ? k : (string?)null)));

        var projection = new TableBuilder("trend",
                $"人口密度の推計（{r.FirstYear}〜{r.LastYear}年の年平均成長率による、目標 {target}人/ha）",
                $"Projected population density (compound annual growth {r.FirstYear}–{r.LastYear}, target {target} persons/ha)")
            .Text("id", "区域コード", "Zone ID")
            .Text("name", "区・拠点", "Zone")
            .Text("kind", "種別", "Kind")
            .Integer("year", "年", "Year")
            .Number("density_per_ha", "推計人口密度（人/ha）", "Projected density (persons/ha)", 2)
            .Number("target_per_ha", "目標（人/ha）", "Target (persons/ha)", 1);
        foreach (var (p, kind) in areas.Where(a => a.Row.AnnualGrowthRate is not null))
        {
            for (var year = p.LastYear; year <= r.HorizonYear; year += DensityTrendJson.ProjectionStepYears)
            {
                projection.Row(p.Id, p.Name, kind, year, VacantAnalysisJson.Round(p.DensityIn(year), 4), p.TargetPerHectare);
            }
        }

        var crossing = new TableBuilder("crossing",
                $"目標（{target}人/ha）に達する年の見通し（{r.HorizonYear}年まで）",
                $"Year each zone reaches the target of {target} persons/ha (searched to {r.HorizonYear})")
            .Text("id", "区域コード", "Zone ID")
            .Text("name", "区・拠点", "Zone")
            .Text("kind", "種別", "Kind")
            .Number("area_ha", "面積（ha）", "Area (ha)", 2)
            .Number("population_first", $"人口（{r.FirstYear}年）", $"Population {r.FirstYear}", 0)
            .Number("population_last", $"人口（{r.LastYear}年）", $"Population {r.LastYear}", 0)
            .Number("density_last", $"人口密度（{r.LastYear}年、人/ha）", $"Density {r.LastYear} (persons/ha)", 2)
            .Number("annual_growth_rate", "人口の年平均成長率", "Annual growth rate of population", 5)
            .Text("status", "見通し", "Outlook")
            .Integer("crossing_year", "目標に達する年", "Year reaching the target")
            .Integer("falls_below_year", "目標を下回る年", "Year falling below the target");
        foreach (var (p, kind) in areas)
        {
            crossing.Row(p.Id, p.Name, kind, p.AreaHectares, Math.Round(p.PopulationFirst, 4), Math.Round(p.PopulationLast, 4), p.DensityLast,
                VacantAnalysisJson.Round(p.AnnualGrowthRate, 8), DensityTrendJson.StatusName(p.Status), p.CrossingYear, p.FallsBelowYear);
        }

        return [projection.Build(), crossing.Build()];
    }
}
