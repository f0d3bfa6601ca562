using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Report;

namespace Sousei.Geo.Cli.Text;

/// <summary>The one-screen report: each section the text of its analysis's result, then what was left out and why.</summary>
internal static class ReportText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ReportResult r)
    {
        var o = new StringBuilder();
        var i = r.Inventory;
        o.AppendLine($"Sousei.Geo report — {r.Source}");
        o.AppendLine($"居住誘導区域 {i.InducementAreaHectares.ToString("N1", Inv)} ha (areas in EPSG:{r.Epsg}); target {r.TargetPerHectare.ToString("0.0##", Inv)} persons/ha");
        o.AppendLine($"data: {i.Households:N0} households, {i.PopulationUnits:N0} population units, {i.Buildings:N0} buildings, {i.Zones} zones, {i.Hubs} hubs, {i.VacantHouses:N0} vacant houses, {i.GtfsFeeds} GTFS feed(s)");
        if (r.Density.Count > 0)
        {
            o.AppendLine();
            Density(o, r);
        }

        if (r.Trend is { } trend)
        {
            o.AppendLine();
            var t = trend.Projection;
            o.AppendLine($"Trend ({DensityMethods.Name(t.Method)} {t.FirstYear}→{t.LastYear}, compound annual growth, area constant): whole area {TrendText.Verdict(t.Total, t.HorizonYear)}");
            var below = t.Zones.Where(z => z.Status != Core.Density.TrendStatus.Meets).Select(z => $"{z.Name} {TrendText.Verdict(z, t.HorizonYear)}").ToList();
            if (below.Count > 0)
            {
                o.AppendLine("  zones below the target: " + string.Join("; ", below));
            }
        }

        if (r.Hubs is { } hubs)
        {
            o.AppendLine();
            o.AppendLine($"Hub connectivity {hubs.Date:yyyy-MM-dd} {hubs.Window} (median minutes to 中心市街地; sousei hubs for the matrix)");
            var others = hubs.Hubs.Where(h => h.Id != r.CentralHubId).ToList();
            var width = Math.Max(12, others.Max(h => TerminalText.Width(h.Name)) + 1);
            for (var k = 0; k < others.Count; k += 3)
            {
                var line = new StringBuilder();
                foreach (var h in others.Skip(k).Take(3))
                {
                    line.Append("  ").Append(TerminalText.PadRight(h.Name, width)).Append(TransitText.Minutes(h.MinutesToCentral).PadLeft(6));
                }

                o.AppendLine(line.ToString());
            }

            var slowest = hubs.Pairs.OrderByDescending(p => p.MedianMinutes ?? double.PositiveInfinity).First();
            var names = hubs.Hubs.ToDictionary(h => h.Id, h => h.Name);
            o.AppendLine($"  slowest link: {names[slowest.From]} → {names[slowest.To]} {TransitText.Minutes(slowest.MedianMinutes)} min; {hubs.Pairs.Count(p => p.MedianMinutes is null or > 60)} of {hubs.Pairs.Count} hub pairs take over 60 min at the median");
            foreach (var w in Analysis.Transit.HubWarnings.Of(hubs))
            {
                o.AppendLine($"  warning: {w.Name} ({w.Hub}): {w.Reason}");
            }
        }

        if (r.Coverage is { } coverage)
        {
            o.AppendLine();
            o.AppendLine(TransitText.Coverage(coverage));
        }

        if (r.Scenarios is { } sc)
        {
            o.AppendLine();
            o.AppendLine("Scenarios: the transit figures above rest on these edits of the timetables, not on the published ones alone:");
            foreach (var (reference, name, description) in sc.Applied)
            {
                o.AppendLine($"  {name} ({Path.GetFileName(reference)}){(description is null ? "" : ": " + description)}");
            }

            o.AppendLine($"  hub matrix: {sc.PairsChanged} of {sc.Pairs} pairs differ from the published timetables");
            if (sc.HubsReachedOnlyThroughScenarios.Count > 0)
            {
                o.AppendLine($"  reached from the centre only through the scenarios: {string.Join(", ", sc.HubsReachedOnlyThroughScenarios)}");
            }

            if (sc.CoveredPersonsAsPublished is { } published && r.Coverage is { } cov)
            {
                o.AppendLine($"  coverage: {cov.Coverage.CoveredPersons.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} persons covered with them, {published.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} as published");
            }
        }

        if (r.VacantHousesInside is { } inside)
        {
            o.AppendLine();
            o.AppendLine($"Vacant houses: {i.VacantHouses:N0} surveyed, {inside:N0} inside the 居住誘導区域 (sousei vacant rank, sousei whatif).");
        }

        if (r.LeftOut.Count > 0)
        {
            o.AppendLine();
            foreach (var left in r.LeftOut)
            {
                o.AppendLine($"left out: {left.Section} — {left.Reason}");
            }
        }

        foreach (var note in r.Notes)
        {
            o.AppendLine("note: " + note);
        }

        return o.ToString().TrimEnd();
    }

    /// <summary>The national indicators the data supports, each with its official name (docs/analysis.md).</summary>
    private static void Indicators(StringBuilder o, ReportResult r)
    {
        foreach (var y in r.ShareOfCity)
        {
            var change = y.ChangePoints is { } c ? $" ({c.ToString("+0.00;-0.00;0.00", Inv)} points since the previous year of data)" : "";
            o.AppendLine($"  IF101 居住誘導区域内人口割合 {y.Year}: {(y.Share is { } s ? (s * 100).ToString("F1", Inv) + " %" : "—")} of {y.City.ToString("N0", Inv)}{change}");
        }

        if (r.Coverage is { } coverage)
        {
            o.AppendLine($"  IF104 公共交通徒歩圏人口カバー率: {(coverage.Coverage.ShareOfCity * 100).ToString("F1", Inv)} % ({coverage.Coverage.CoveredPersons.ToString("N0", Inv)} of {coverage.Coverage.Persons.ToString("N0", Inv)})");
        }

        if (r.Future is { } future)
        {
            o.AppendLine("  " + DensityText.Projection(future).Replace("\n", "\n  ", StringComparison.Ordinal));
        }
    }

    private static void Density(StringBuilder o, ReportResult r)
    {
        if (r.Kpi is { } kpi && r.Density.FirstOrDefault(d => d.Method == kpi.Method) is { } figure)
        {
            o.AppendLine($"KPI 居住誘導区域の人口密度: {DensityText.Verdict(figure.Total)}");
            o.AppendLine($"  {DensityText.Basis(kpi.Basis, kpi.IsStrategyIndicator)}; method {DensityMethods.Name(kpi.Method)}, {figure.Year}; the other methods are checks");
            o.AppendLine();
        }

        o.AppendLine("Density of the 居住誘導区域 (latest year of each method)");
        o.AppendLine("  method        year   population   persons/ha        gap  verdict");
        foreach (var d in r.Density)
        {
            var t = d.Total;
            var mark = r.Kpi?.Method == d.Method ? (r.Kpi.IsStrategyIndicator ? "  ← KPI (strategy indicator)" : "  ← KPI (closest to the indicator)") : "  (check)";
            o.AppendLine($"  {DensityMethods.Name(d.Method),-12}{d.Year,6}{t.Population.ToString("N0", Inv),13}{(t.DensityPerHectare?.ToString("F2", Inv) ?? "—"),13}{t.GapPersons.ToString("N0", Inv),11}  {(t.MeetsTarget ? "meets" : "BELOW")}{mark}");
        }

        Indicators(o, r);

        var first = r.Density[0];
        if (first.Zones.Count == 0)
        {
            return;
        }

        o.AppendLine();
        var nameWidth = Math.Max(14, first.Zones.Max(z => TerminalText.Width(z.Name)) + 2);
        var header = new StringBuilder(TerminalText.PadRight("  zone (persons/ha; * below)", nameWidth + 10));
        foreach (var d in r.Density)
        {
            header.Append(DensityMethods.Name(d.Method).PadLeft(12));
        }

        o.AppendLine(header.Append($"   gap ({DensityMethods.Name(first.Method)})").ToString());
        for (var z = 0; z < first.Zones.Count; z++)
        {
            var line = new StringBuilder("  ").Append(TerminalText.PadRight(first.Zones[z].Name, nameWidth)).Append(first.Zones[z].AreaHectares.ToString("N0", Inv).PadLeft(6)).Append(" ha");
            foreach (var d in r.Density)
            {
                var zone = d.Zones[z];
                line.Append(((zone.DensityPerHectare?.ToString("F1", Inv) ?? "—") + (zone.AreaHectares > 0 && !zone.MeetsTarget ? "*" : " ")).PadLeft(12));
            }

            o.AppendLine(line.Append(first.Zones[z].GapPersons.ToString("N0", Inv).PadLeft(12)).ToString());
        }
    }
}
