using System.Globalization;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Tables;

/// <summary>
/// The coverage tables (MLIT 公共交通徒歩圏), with the numbers of the coverage JSON (persons to 0.01, shares to 1e-4): the
/// whole city first, then each zone — everyone, and the age groups when the residents carry them — and the conditions.
/// A value the JSON gives only for everyone in the whole city (covered persons in the inducement area) is empty elsewhere.
/// </summary>
internal static class CoverageTables
{
    /// <summary>The id and name of the first row, the whole city.</summary>
    public const string CityId = "city";

    public const string CityName = "市全体";

    public static IReadOnlyList<Table> Of(CoverageReport report)
    {
        var c = report.Coverage;
        var date = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var groups = new List<(string Key, string Japanese, string English, Func<ZoneCoverage, CoverageCounts?> Zone, CoverageCounts Total)>();
        if (c.Aged65Plus is { } old)
        {
            groups.Add(("aged_65plus", "65歳以上", "aged 65+", z => z.Aged65Plus, old));
        }

        if (c.Aged0To14 is { } young)
        {
            groups.Add(("aged_0_14", "0〜14歳", "aged 0–14", z => z.Aged0To14, young));
        }

        var table = new TableBuilder("coverage", $"公共交通徒歩圏の人口カバー率（{date}、{report.Population.Year}年の人口）", $"Residents within walking distance of public transport ({date}, residents of {report.Population.Year})")
            .Text("id", "区域コード", "Zone ID")
            .Text("name", "区・拠点", "Zone");
        Columns(table, "", null, null);
        foreach (var g in groups)
        {
            Columns(table, g.Key + "_", g.Japanese, g.English);
        }

        var total = new List<object?> { CityId, CityName };
        total.AddRange(Cells(new CoverageCounts(c.Persons, c.CoveredPersons, c.InducementPersons, c.CoveredInducementPersons), true));
        foreach (var g in groups)
        {
            total.AddRange(Cells(g.Total, false));
        }

        table.Row([.. total]);
        foreach (var z in c.Zones)
        {
            var row = new List<object?> { z.ZoneId, z.ZoneName };
            row.AddRange(Cells(z.All, false));
            foreach (var g in groups)
            {
                row.AddRange(g.Zone(z) is { } counts ? Cells(counts, false) : new object?[6]);
            }

            table.Row([.. row]);
        }

        var r = report.Request;
        var conditions = new TableBuilder("conditions", "集計条件", "Conditions")
            .Text("date", "運行日", "Service day")
            .Text("population_source", "人口の出典", "Residents from")
            .Integer("year", "人口の年", "Year of the residents")
            .Number("rail_radius_m", "鉄道・軌道の駅からの徒歩圏（m）", "Catchment of rail and tram stops (m)", 0)
            .Number("bus_radius_m", "バス停からの徒歩圏（m）", "Catchment of frequent bus stops (m)", 0)
            .Integer("min_departures", "運行頻度の基準（片道 本/日）", "Departures a day that make a bus stop frequent")
            .Integer("rail_stops", "鉄道・軌道の駅数", "Rail and tram stops")
            .Integer("frequent_bus_stops", "基準を満たすバス停数", "Frequent bus stops")
            .Text("scenarios", "シナリオ", "Scenarios");
        conditions.Row(date, report.Population.SourceName, report.Population.Year, r.RailRadiusMeters, r.BusRadiusMeters, r.MinDepartures, c.RailStops, c.QualifyingBusStops,
            r.Scenarios.Count == 0 ? null : string.Join(",", r.Scenarios));
        return [table.Build(), conditions.Build()];
    }

    /// <summary>Six columns of one group of residents: everyone (<paramref name="group"/> null) or an age group, e.g. 65歳以上 / aged 65+.</summary>
    private static void Columns(TableBuilder t, string key, string? group, string? groupEnglish)
    {
        var of = group is null ? "" : group + "の";
        string En(string s) => groupEnglish is null ? char.ToUpperInvariant(s[0]) + s[1..] : $"{groupEnglish}: {s}";
        t.Number(key + "persons", group is null ? "人口" : group + "人口", En("residents"), 0)
            .Number(key + "covered_persons", of + "徒歩圏人口", En("residents covered"), 0)
            .Number(key + "share", of + "徒歩圏人口カバー率", En("share covered"), 3)
            .Number(key + "inducement_persons", of + "居住誘導区域内人口", En("residents in the inducement area"), 0)
            .Number(key + "covered_inducement_persons", of + "居住誘導区域内の徒歩圏人口", En("residents covered in the inducement area"), 0)
            .Number(key + "share_of_inducement_area", of + "居住誘導区域内カバー率", En("share covered in the inducement area"), 3);
    }

    /// <summary>Six cells as the JSON writes them; the covered persons in the inducement area only where the JSON has them (everyone in the whole city).</summary>
    private static object?[] Cells(CoverageCounts c, bool coveredInducement) =>
    [
        Math.Round(c.Persons, 2),
        Math.Round(c.CoveredPersons, 2),
        Math.Round(c.ShareOfCity, 4),
        Math.Round(c.InducementPersons, 2),
        coveredInducement ? Math.Round(c.CoveredInducementPersons, 2) : null,
        c.ShareOfInducementArea is { } s ? Math.Round(s, 4) : null,
    ];
}
