using System.Globalization;
using System.Text;
using System.Text.Json;
using Sousei.Geo.Core.Density;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary>Text tables and JSON for density results.</summary>
internal static class DensityOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string MethodName(DensityMethod m) => DensityJson.MethodName(m);

    public static string Verdict(AreaDensity d) => d.DensityPerHectare is not { } density
        ? "NO AREA: the inducement area is empty"
        : d.MeetsTarget
            ? $"MEETS the target: {density.ToString("F2", Inv)} ≥ {d.TargetPerHectare.ToString("0.0##", Inv)} persons/ha (headroom {(-d.GapPersons).ToString("N0", Inv)} persons)"
            : $"BELOW the target: {density.ToString("F2", Inv)} < {d.TargetPerHectare.ToString("0.0##", Inv)} persons/ha ({d.GapPersons.ToString("N0", Inv)} persons short)";

    public static string Text(DensityResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"居住誘導区域 population density — method {MethodName(r.Method)}, year {r.Year}");
        sb.AppendLine(Verdict(r.Total));
        sb.AppendLine();
        sb.AppendLine(Table([r.Total, .. r.Zones]));
        return sb.ToString().TrimEnd();
    }

    public static string Table(IReadOnlyList<AreaDensity> rows)
    {
        var sb = new StringBuilder();
        var nameWidth = Math.Max(16, rows.Max(r => DisplayWidth(r.Name)) + 2);
        sb.Append(Pad("area", nameWidth)).AppendLine("  population     area ha   persons/ha  target        gap  verdict");
        sb.AppendLine(new string('─', nameWidth + 68));
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var density = row.DensityPerHectare is { } d ? d.ToString("F2", Inv) : "—";
            var verdict = row.AreaHectares <= 0 ? "no area" : row.MeetsTarget ? "meets" : "below";
            sb.Append(Pad(row.Name, nameWidth))
              .Append(row.Population.ToString("N0", Inv).PadLeft(12))
              .Append(row.AreaHectares.ToString("N2", Inv).PadLeft(12))
              .Append(density.PadLeft(13))
              .Append(row.TargetPerHectare.ToString("0.0##", Inv).PadLeft(8))
              .Append(row.GapPersons.ToString("N0", Inv).PadLeft(11))
              .Append("  ").AppendLine(verdict);
            if (i == 0 && rows.Count > 1)
            {
                sb.AppendLine(new string('─', nameWidth + 68));
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static int DisplayWidth(string s) => TerminalText.Width(s);

    private static string Pad(string s, int width) => TerminalText.PadRight(s, width);

    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
