using System.Globalization;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The density table: one row per area — the 居住誘導区域 as a whole first, then each zone ∩ the area — for each method
/// and year of the result (one of each, or every one for a trend), with the numbers of <see cref="DensityJson"/>.
/// </summary>
internal static class DensityTables
{
    public static IReadOnlyList<Table> Of(DensityReport report)
    {
        var (title, titleEnglish) = report.Trend
            ? ($"居住誘導区域の人口密度の推移（目標 {Num(report.TargetPerHectare)}人/ha）", $"Population density of the residential inducement area by year (target {Num(report.TargetPerHectare)} persons/ha)")
            : ($"居住誘導区域の人口密度（{report.Result.Year}年、{MethodJapanese(report.Result.Method)}、目標 {Num(report.TargetPerHectare)}人/ha）",
               $"Population density of the residential inducement area ({report.Result.Year}, {DensityJson.MethodName(report.Result.Method)}, target {Num(report.TargetPerHectare)} persons/ha)");
        var table = new TableBuilder("density", title, titleEnglish)
            .Text("id", "区域コード", "Zone ID")
            .Text("name", "区・拠点", "Zone")
            .Text("kind", "種別", "Kind")
            .Text("method", "算定方法", "Method")
            .Integer("year", "年", "Year")
            .Number("population", "人口", "Population", 0)
            .Number("area_ha", "面積（ha）", "Area (ha)", 2)
            .Number("density_per_ha", "人口密度（人/ha）", "Density (persons/ha)", 2)
            .Number("target_per_ha", "目標（人/ha）", "Target (persons/ha)", 1)
            .Text("meets_target", "達成", "Meets the target")
            .Integer("gap_persons", "目標との差（人）", "Gap to the target (persons)");
        foreach (var result in report.Results)
        {
            Row(table, result, result.Total, null);
            foreach (var zone in result.Zones)
            {
                Row(table, result, zone, report.ZoneKinds.TryGetValue(zone.Id, out var kind) ? kind : null);
            }
        }

        return [table.Build()];
    }

    private static void Row(TableBuilder table, DensityResult result, AreaDensity d, string? kind) =>
        table.Row(d.Id, d.Name, kind, DensityJson.MethodName(result.Method), result.Year, Math.Round(d.Population, 4), d.AreaHectares, d.DensityPerHectare,
            d.TargetPerHectare, d.MeetsTarget, d.GapPersons);

    /// <summary>The method in the planners' words.</summary>
    internal static string MethodJapanese(DensityMethod method) => method switch
    {
        DensityMethod.Households => "世帯",
        DensityMethod.Blocks => "町丁目",
        _ => "建物按分",
    };

    internal static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}
