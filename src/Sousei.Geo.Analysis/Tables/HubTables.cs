using System.Globalization;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The hub matrix's tables, with the numbers of <see cref="HubConnectivityJson"/> (minutes to 0.1, shares to 1e-4):
/// one row per ordered pair of hubs (ids and names, the travel-time percentiles, the shares within 30/45/60 minutes,
/// direct trips), the service at each hub, the arrive-by answer when asked, the warnings when there are any, and the conditions.
/// </summary>
internal static class HubTables
{
    public static IReadOnlyList<Table> Of(HubConnectivityResult r)
    {
        var date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var names = r.Hubs.ToDictionary(h => h.Id, h => h.Name, StringComparer.Ordinal);
        string? Name(string id) => names.TryGetValue(id, out var n) ? n : null;

        var pairs = new TableBuilder("hub_matrix", $"拠点間の公共交通による所要時間（{date}、{r.Window}）", $"Travel times between hubs by public transport ({date}, {r.Window})")
            .Text("from", "出発地コード", "From (ID)")
            .Text("from_name", "出発地", "From")
            .Text("to", "到着地コード", "To (ID)")
            .Text("to_name", "到着地", "To");
        foreach (var p in r.Percentiles)
        {
            pairs.Number($"travel_minutes_p{p}",
                p == 50 ? "所要時間中央値（分）" : $"所要時間 {p}パーセンタイル値（分）",
                p == 50 ? "Median travel time (min)" : $"Travel time, {Ordinal(p)} percentile (min)", 1);
        }

        pairs.Number("share_within_30", "30分以内に到着する割合", "Share arriving within 30 min", 3)
            .Number("share_within_45", "45分以内に到着する割合", "Share arriving within 45 min", 3)
            .Number("share_within_60", "60分以内に到着する割合", "Share arriving within 60 min", 3)
            .Integer("direct_trips_per_day", "直通便数（本/日）", "Direct trips per day");
        foreach (var p in r.Pairs)
        {
            var cells = new List<object?> { p.From, Name(p.From), p.To, Name(p.To) };
            cells.AddRange(r.Percentiles.Select(pct => (object?)(p.TravelMinutes.TryGetValue(pct, out var m) ? VacantAnalysisJson.Round(m, 1) : null)));
            cells.AddRange([Math.Round(p.ShareWithin30, 4), Math.Round(p.ShareWithin45, 4), Math.Round(p.ShareWithin60, 4), p.DirectTripsPerDay]);
            pairs.Row([.. cells]);
        }

        var hubs = new TableBuilder("hubs", $"拠点の公共交通サービス（{date}）", $"Public transport at each hub ({date})")
            .Text("id", "拠点コード", "Hub ID")
            .Text("name", "拠点", "Hub")
            .Text("kind", "種別", "Kind")
            .Integer("stops", "停留所数", "Stops")
            .Integer("trips_per_day", "発着便数（本/日）", "Trips per day")
            .Integer("routes", "路線数", "Routes")
            .Number("minutes_to_central", "中心拠点までの所要時間（分）", "Minutes to the central hub", 1);
        foreach (var h in r.Hubs)
        {
            hubs.Row(h.Id, h.Name, Kinds.Name(h.Kind), h.StopCount, h.TripsPerDay, h.Routes, VacantAnalysisJson.Round(h.MinutesToCentral, 1));
        }

        var tables = new List<Table> { pairs.Build(), hubs.Build() };
        if (r.ArriveBySeconds is { } deadline)
        {
            var clock = TransitOptions.FormatClock(deadline);
            var arriveBy = new TableBuilder("arrive_by", $"{clock}までに到着する最終出発", $"Latest departure arriving by {clock}")
                .Text("from", "出発地コード", "From (ID)")
                .Text("from_name", "出発地", "From")
                .Text("to", "到着地コード", "To (ID)")
                .Text("to_name", "到着地", "To")
                .Text("latest_departure", "最終出発時刻", "Latest departure")
                .Number("travel_minutes", "所要時間（分）", "Travel time (min)", 1);
            foreach (var p in r.ArriveByPairs)
            {
                arriveBy.Row(p.From, Name(p.From), p.To, Name(p.To), p.LatestDepartureSeconds is { } t ? TransitOptions.FormatClock(t) : null,
                    VacantAnalysisJson.Round(p.TravelSeconds / 60.0, 1));
            }

            tables.Add(arriveBy.Build());
        }

        var warnings = HubWarnings.Of(r);
        if (warnings.Count > 0)
        {
            var table = new TableBuilder("warnings", "公共交通でつながらない拠点", "Hubs the timetables do not connect")
                .Text("hub", "拠点コード", "Hub ID")
                .Text("name", "拠点", "Hub")
                .Text("reason", "理由", "Reason");
            foreach (var w in warnings)
            {
                table.Row(w.Hub, w.Name, w.Reason);
            }

            tables.Add(table.Build());
        }

        var conditions = new TableBuilder("conditions", "集計条件", "Conditions")
            .Text("date", "運行日", "Service day")
            .Text("window", "出発時間帯", "Departure window")
            .Integer("departures", "集計した出発時刻の数", "Departure times counted");
        conditions.Row(date, r.Window, r.DepartureCount);
        tables.Add(conditions.Build());
        return tables;
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
