using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Report;

namespace Sousei.Geo.Rendering;

/// <summary>The documents of the analyses that have one (<see cref="IDocumentOutput{TResult}"/>), for every adapter.</summary>
public static class Documents
{
    /// <summary>The document formats.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["html", "pdf"];

    public static string ContentType(string format) => format == "pdf" ? "application/pdf" : "text/html; charset=utf-8";

    /// <summary>Renders <paramref name="result"/> as HTML or PDF.</summary>
    /// <exception cref="PrinterUnavailableException">PDF asked for and the printer is missing or failed.</exception>
    public static byte[] Render<TResult>(City city, TResult result, string format, bool english)
    {
        var html = result switch
        {
            ReportResult report => ReportDocument.Html(city, report, english),
            _ => throw new NotSupportedException($"no document for {typeof(TResult).Name}"),
        };
        return format == "pdf" ? ReportPdf.Print(html) : System.Text.Encoding.UTF8.GetBytes(html);
    }
}
