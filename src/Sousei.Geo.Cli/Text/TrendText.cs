using System.Globalization;
using System.Text;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Cli.Text;

/// <summary>The trend table: density in the first and last year, growth, ten years on, and the verdict per row.</summary>
internal static class TrendText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What a row says, in words: "meets", "crosses in 2031", "not by 2100", "no model".</summary>
    public static string Verdict(TrendProjection p, int horizon) => p.Status switch
    {
        TrendStatus.Meets when p.FallsBelowYear is { } y => $"meets now; falls below in {y}",
        TrendStatus.Meets => "meets now",
        TrendStatus.Crosses => $"crosses in {p.CrossingYear}",
        TrendStatus.NotByHorizon => $"below; not by {horizon}",
        _ => "no model (needs two years with population)",
    };

    public static string Render(TrendReport report)
    {
        var r = report.Projection;
        var sb = new StringBuilder();
        var rows = new List<TrendProjection> { r.Total };
        rows.AddRange(r.Zones);
        var width = Math.Max(20, rows.Max(x => TerminalText.Width(x.Name)) + 2);
        if (report.SingleYear)
        {
            // One year: no model to state; the year's density and verdict only.
            sb.AppendLine($"居住誘導区域 density — method {DensityMethods.Name(r.Method)}, {r.LastYear} only, target {r.Total.TargetPerHectare.ToString("0.0##", Inv)} persons/ha");
            sb.AppendLine();
            sb.AppendLine(TerminalText.PadRight("area", width) + TerminalText.PadLeft($"{r.LastYear}/ha", 11) + "  verdict");
            sb.AppendLine(new string('─', width + 30));
            foreach (var p in rows)
            {
                sb.Append(TerminalText.PadRight(p.Name, width))
                  .Append(TerminalText.PadLeft(p.DensityLast?.ToString("F2", Inv) ?? "—", 11))
                  .Append("  ").AppendLine(p.DensityLast is null ? "no area" : p.DensityLast >= p.TargetPerHectare ? "meets" : "below");
            }
        }
        else
        {
            sb.AppendLine($"居住誘導区域 density trend — method {DensityMethods.Name(r.Method)}, {r.FirstYear}→{r.LastYear}, target {r.Total.TargetPerHectare.ToString("0.0##", Inv)} persons/ha");
            sb.AppendLine($"model: {DensityTrendJson.Model}");
            sb.AppendLine();
            sb.AppendLine(TerminalText.PadRight("area", width) + TerminalText.PadLeft($"{r.FirstYear}/ha", 11) + TerminalText.PadLeft($"{r.LastYear}/ha", 12)
                + TerminalText.PadLeft("growth/yr", 11) + TerminalText.PadLeft($"{r.LastYear + 10}/ha", 13) + "  verdict");
            sb.AppendLine(new string('─', width + 72));
            foreach (var p in rows)
            {
                var firstDensity = p.AreaHectares > 0 ? (p.PopulationFirst / p.AreaHectares).ToString("F2", Inv) : "—";
                sb.Append(TerminalText.PadRight(p.Name, width))
                  .Append(TerminalText.PadLeft(firstDensity, 11))
                  .Append(TerminalText.PadLeft(p.DensityLast?.ToString("F2", Inv) ?? "—", 12))
                  .Append(TerminalText.PadLeft(p.AnnualGrowthRate is { } g ? (g * 100).ToString("+0.00;-0.00", Inv) + " %" : "—", 11))
                  .Append(TerminalText.PadLeft(p.DensityIn(r.LastYear + 10)?.ToString("F2", Inv) ?? "—", 13))
                  .Append("  ").AppendLine(Verdict(p, r.HorizonYear));
            }
        }

        foreach (var note in report.Notes)
        {
            sb.AppendLine("note: " + note);
        }

        return sb.ToString().TrimEnd();
    }
}
