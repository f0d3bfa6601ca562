using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Cli.Text;

/// <summary>Text of the vacant-house ranking and the what-if. Owner fields are never shown.</summary>
internal static class VacantText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Rows shown on a terminal when --top is not given.</summary>
    public const int DefaultTextRows = 30;

    public static string Ranking(VacantRankingReport report)
    {
        var ranking = report.Ranking;
        var rows = report.Rows.Count > DefaultTextRows && report.Rows.Count == ranking.Houses.Count ? report.Rows.Take(DefaultTextRows).ToList() : report.Rows;
        var sb = new StringBuilder();
        var inside = ranking.Houses.Count(h => h.Site.InsideInducementArea);
        sb.AppendLine($"空き家 ranking — {ranking.Houses.Count:N0} houses ({inside:N0} inside the inducement area); showing {rows.Count:N0}");
        sb.AppendLine("terms: " + string.Join(", ", ranking.TermsUsed));
        sb.AppendLine();
        sb.AppendLine(" rank  id                 score  inside  min→centre  regional hub m  stop≤300m  decay   likely   floor m²  status");
        sb.AppendLine(new string('─', 112));
        foreach (var h in rows)
        {
            var house = h.Site.House;
            sb.Append(h.Rank.ToString(Inv).PadLeft(5)).Append("  ")
              .Append(TerminalText.PadRight(Cut(h.Id, 17), 17))
              .Append(h.Score.ToString("F2", Inv).PadLeft(7))
              .Append((h.Site.InsideInducementArea ? "yes" : "no").PadLeft(8))
              .Append((h.MinutesToCentralHub?.ToString("F1", Inv) ?? "—").PadLeft(12))
              .Append((h.DistanceToRegionalHubMeters?.ToString("N0", Inv) ?? "—").PadLeft(16))
              .Append((h.FrequentStopNearby is { } f ? f ? "yes" : "no" : "—").PadLeft(11))
              .Append("  ").Append((house.DecayRank ?? "—").PadRight(8))
              .Append((house.VacancyLikelihood ?? "—").PadRight(7))
              .Append((house.FloorAreaSquareMeters?.ToString("N0", Inv) ?? "—").PadLeft(10))
              .Append("  ").AppendLine(house.Status ?? "—");
        }

        foreach (var note in report.Notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }

    public static string WhatIf(WhatIfReport report)
    {
        var r = report.Result;
        var sizes = report.Sizes;
        var reach = report.Reach;
        var sb = new StringBuilder();
        var b = r.Before.Total;
        var a = r.After.Total;
        var inside = r.Occupied.Count(o => o.InsideInducementArea);
        sb.AppendLine($"What if {r.Occupied.Count:N0} vacant houses are lived in again — method {DensityMethods.Name(r.Before.Method)}, year {r.Before.Year}");
        sb.AppendLine($"{inside:N0} inside the inducement area add {r.PersonsAddedInside.ToString("N1", Inv)} persons" +
            (r.Occupied.Count > inside ? $"; {r.Occupied.Count - inside:N0} outside add nothing" : "") +
            (sizes.FixedSize is { } f ? $" ({f.ToString("0.##", Inv)} persons per household, given)" : $" (zone average household sizes, {sizes.Year})"));
        sb.AppendLine($"density {Density(b)} → {Density(a)} persons/ha (target {b.TargetPerHectare.ToString("0.0##", Inv)}); gap {b.GapPersons.ToString("N0", Inv)} → {a.GapPersons.ToString("N0", Inv)} persons");
        sb.AppendLine();
        var rows = new List<(string Name, AreaDensity Before, AreaDensity After)> { ("居住誘導区域 (all)", b, a) };
        rows.AddRange(r.Before.Zones.Select((z, i) => (z.Name, z, r.After.Zones[i])));
        var width = Math.Max(20, rows.Max(x => TerminalText.Width(x.Name)) + 2);
        sb.AppendLine(TerminalText.PadRight("area", width) + "      added   persons/ha before → after      gap before → after");
        sb.AppendLine(new string('─', width + 62));
        foreach (var (name, before, after) in rows)
        {
            sb.Append(TerminalText.PadRight(name, width))
              .Append((after.Population - before.Population).ToString("N1", Inv).PadLeft(11))
              .Append(Density(before).PadLeft(21)).Append(" → ").Append(Density(after).PadRight(8))
              .Append(before.GapPersons.ToString("N0", Inv).PadLeft(14)).Append(" → ").AppendLine(after.GapPersons.ToString("N0", Inv));
        }

        sb.AppendLine();
        sb.AppendLine($"Top-ranked vacant houses inside the area needed to reach {reach.TargetPerHectare.ToString("0.0##", Inv)} persons/ha:");
        sb.AppendLine($"  居住誘導区域 (all): {VacantAnalysisJson.Answer(reach.Total)}");
        foreach (var z in reach.Zones)
        {
            sb.AppendLine($"  {z.Name}: {VacantAnalysisJson.Answer(z)}");
        }

        foreach (var note in report.Notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }

    private static string Density(AreaDensity d) => d.DensityPerHectare?.ToString("F2", Inv) ?? "—";

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
