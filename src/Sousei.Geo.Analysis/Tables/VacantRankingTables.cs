using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Vacant;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The ranking's tables: one row per house asked for (best first), with exactly the public fields of
/// <see cref="VacantAnalysisJson.WriteHouse"/> and its rounding — never the restricted owner fields
/// (<see cref="VacantAnalysisJson.RestrictedProperties"/>) — and the notes when there are any.
/// </summary>
internal static class VacantRankingTables
{
    public static IReadOnlyList<Table> Of(VacantRankingReport report)
    {
        var table = new TableBuilder("vacant_ranking", $"空き家の利活用の優先順位（{report.Rows.Count}件／全{report.Ranking.Houses.Count}件）",
                $"Vacant houses ranked for bringing them back into use ({report.Rows.Count} of {report.Ranking.Houses.Count})")
            .Integer("rank", "順位", "Rank")
            .Text("id", "空き家ID", "House ID")
            .Number("score", "評価点", "Score", 2)
            .Text("inside_inducement_area", "居住誘導区域内", "Inside the inducement area")
            .Text("zones", "区・拠点", "Zones")
            .Number("minutes_to_central", "中心拠点までの所要時間（分）", "Minutes to the central hub", 1)
            .Text("nearest_regional_hub", "最寄りの地域拠点", "Nearest regional hub")
            .Number("distance_to_regional_hub_m", "地域拠点までの距離（m）", "Distance to the regional hub (m)", 1)
            .Text("nearest_hub", "最寄りの拠点", "Nearest hub")
            .Number("distance_to_nearest_hub_m", "最寄りの拠点までの距離（m）", "Distance to the nearest hub (m)", 1)
            .Number("distance_to_frequent_stop_m", "運行頻度の高い停留所までの距離（m）", "Distance to a frequent stop (m)", 1)
            .Text("frequent_stop_nearby", "近くに運行頻度の高い停留所", "Frequent stop nearby")
            .Text("vacancy_likelihood", "空き家の可能性", "Vacancy likelihood")
            .Text("decay_rank", "老朽度", "Decay rank")
            .Number("floor_area_m2", "延床面積（㎡）", "Floor area (m²)", 1)
            .Integer("built_year", "建築年", "Year built")
            .Text("structure", "構造", "Structure")
            .Text("status", "状況", "Status")
            .Text("survey_date", "調査日", "Survey date")
            .Number("terms_inside", "評価項目：居住誘導区域内", "Term: inside", 3)
            .Number("terms_transit", "評価項目：公共交通", "Term: transit", 3)
            .Number("terms_hub_distance", "評価項目：拠点への距離", "Term: hub distance", 3)
            .Number("terms_frequent_stop", "評価項目：運行頻度の高い停留所", "Term: frequent stop", 3)
            .Number("terms_decay", "評価項目：老朽度", "Term: decay", 3)
            .Number("terms_likelihood", "評価項目：空き家の可能性", "Term: likelihood", 3)
            .Number("terms_floor_area", "評価項目：延床面積", "Term: floor area", 3);
        foreach (var h in report.Rows)
        {
            var house = h.Site.House;
            table.Row(h.Rank, h.Id, h.Score, h.Site.InsideInducementArea, h.Site.ZoneIds.Count == 0 ? null : string.Join(",", h.Site.ZoneIds), VacantAnalysisJson.Round(h.MinutesToCentralHub, 1),
                h.NearestRegionalHubId, VacantAnalysisJson.Round(h.DistanceToRegionalHubMeters, 1), h.NearestHubId, VacantAnalysisJson.Round(h.DistanceToNearestHubMeters, 1),
                VacantAnalysisJson.Round(h.DistanceToFrequentStopMeters, 1), h.FrequentStopNearby, house.VacancyLikelihood, house.DecayRank, house.FloorAreaSquareMeters,
                house.BuiltYear, house.Structure, house.Status, house.SurveyDate,
                h.Terms.Inside, VacantAnalysisJson.Round(h.Terms.Transit, 6), VacantAnalysisJson.Round(h.Terms.HubDistance, 6), h.Terms.FrequentStop, h.Terms.Decay,
                h.Terms.Likelihood, Math.Round(h.Terms.FloorArea, 6));
        }

        var tables = new List<Table> { table.Build() };
        if (report.Notes.Count > 0)
        {
            var notes = new TableBuilder("notes", "注記", "Notes").Text("note", "注記", "Note");
            foreach (var note in report.Notes)
            {
                notes.Row(note);
            }

            tables.Add(notes.Build());
        }

        return tables;
    }
}
