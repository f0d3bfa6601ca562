using System.Globalization;
using System.Net;
using System.Text;

namespace Sousei.Geo.Rendering;

/// <summary>
/// Inline SVG charts for the report document: bars against a target line, and lines of density over the years with the
/// target. Self-contained (no script, no external request), drawn in the page's fonts. Stateless.
/// </summary>
internal static class ReportCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string N(double v) => v.ToString("0.##", Inv);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Horizontal bars (one per item) with a dashed target line; bars below the target are drawn in the warning colour.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double? Value)> items, double target, string unit)
    {
        const int left = 150, right = 60, row = 22, top = 30;
        const int width = 680;
        var height = top + items.Count * row + 30;
        var max = Math.Max(target * 1.15, items.Select(i => i.Value ?? 0).DefaultIfEmpty(0).Max() * 1.05);
        double X(double v) => left + (width - left - right) * v / max;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = top + i * row;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"lbl\">{E(label)}</text>");
            if (value is { } v)
            {
                var fill = v >= target ? "#2b7bb9" : "#d9822b";
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{N(X(v) - left)}\" height=\"{row - 7}\" fill=\"{fill}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(v) + 4)}\" y=\"{y + 15}\" class=\"val\">{v.ToString("F1", Inv)}</text>");
            }
        }

        var tx = X(target);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(tx)}\" y1=\"{top - 6}\" x2=\"{N(tx)}\" y2=\"{height - 24}\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(tx)}\" y=\"{top - 10}\" text-anchor=\"middle\" class=\"tgt\">{target.ToString("0.0##", Inv)} {E(unit)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - 8}\" class=\"axis\">0</text><text x=\"{width - right}\" y=\"{height - 8}\" text-anchor=\"end\" class=\"axis\">{max.ToString("F0", Inv)} {E(unit)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Lines of density per year (observed years solid, the projection to the horizon dashed), the target as a red line,
    /// and a dot at the year each series crosses it.
    /// </summary>
    public static string Trend(string title, IReadOnlyList<(string Label, IReadOnlyList<(int Year, double Value)> Observed, IReadOnlyList<(int Year, double Value)> Projected, int? CrossingYear)> series, double target, string unit)
    {
        const int width = 680, height = 320, left = 50, right = 150, top = 20, bottom = 40;
        var points = series.SelectMany(s => s.Observed.Concat(s.Projected)).ToList();
        if (points.Count == 0)
        {
            return "";
        }

        var (y0, y1) = (points.Min(p => p.Year), Math.Max(points.Max(p => p.Year), points.Min(p => p.Year) + 1));
        var min = Math.Min(target, points.Min(p => p.Value)) * 0.9;
        var max = Math.Max(target, points.Max(p => p.Value)) * 1.05;
        double X(double year) => left + (width - left - right) * (year - y0) / (y1 - y0);
        double Y(double v) => top + (height - top - bottom) * (1 - (v - min) / (max - min));
        string[] colours = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e"];
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"#555\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"#555\"/>");
        var step = Math.Max(1, (int)Math.Ceiling((y1 - y0) / 8.0));
        for (var year = y0; year <= y1; year += step)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(year))}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{year}</text>");
        }

        foreach (var v in new[] { min, (min + max) / 2, max })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{N(Y(v) + 4)}\" text-anchor=\"end\" class=\"axis\">{v.ToString("F0", Inv)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{N(Y(target))}\" x2=\"{width - right}\" y2=\"{N(Y(target))}\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right + 4}\" y=\"{N(Y(target) + 4)}\" class=\"tgt\">{target.ToString("0.0##", Inv)} {E(unit)}</text>");
        for (var i = 0; i < series.Count; i++)
        {
            var (label, observed, projected, crossing) = series[i];
            var colour = colours[i % colours.Length];
            string Path(IEnumerable<(int Year, double Value)> p) => string.Join(" ", p.Select(q => $"{N(X(q.Year))},{N(Y(q.Value))}"));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{Path(observed)}\"/>");
            if (projected.Count > 0 && observed.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" points=\"{Path([observed[^1], .. projected])}\"/>");
            }

            if (crossing is { } c)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(c))}\" cy=\"{N(Y(target))}\" r=\"4\" fill=\"{colour}\"><title>{E(label)}: {c}</title></circle>");
            }

            var last = projected.Count > 0 ? projected[^1] : observed[^1];
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right + 4}\" y=\"{N(Math.Min(height - bottom, Y(last.Value) + 4 + (i * 0.01)))}\" class=\"lbl\" fill=\"{colour}\">{E(label)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A colour from green (short) through yellow to red (long) for travel minutes; grey when unreachable.</summary>
    public static string MinutesColour(double? minutes)
    {
        if (minutes is not { } m)
        {
            return "#d0d0d0";
        }

        var t = Math.Clamp(m / 90.0, 0, 1);
        var (r, g) = t < 0.5 ? ((int)(80 + 350 * t), 190) : (235, (int)(190 - 260 * (t - 0.5)));
        return $"#{Math.Clamp(r, 0, 255):x2}{Math.Clamp(g, 0, 255):x2}70";
    }
}
