using System.Text;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.IO.Tables;
using Sousei.Geo.Rendering;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// An analysis of the application layer as a command: its parameters become <c>--kebab-case</c> options (usage
/// is generated from them), the use case parses, validates and runs, and the command renders the result as text
/// (the analysis's renderer), JSON (the analysis's own writer, the same keys as the API), or GeoJSON, a map PNG, or
/// CSV / XLSX of its tables (headers in <c>--lang ja|en</c>) when the analysis has that form. <c>--out FILE</c> writes
/// the output to a file (whole or not at all). No analysis logic here.
/// </summary>
internal sealed class AnalysisCommand<TRequest, TResult> : ICommand
    where TRequest : class
{
    private readonly IAnalysis<TRequest, TResult> _analysis;
    private readonly Func<TResult, string> _text;
    private readonly string _defaultFormat;
    private readonly IReadOnlyDictionary<string, Func<string, string>> _values;
    private readonly string? _extraUsage;

    /// <param name="analysis">The use case.</param>
    /// <param name="text">Renders the result for a terminal.</param>
    /// <param name="defaultFormat">text, json or geojson.</param>
    /// <param name="values">Parameters whose command-line value is turned into the analysis's value (e.g. a file of ids).</param>
    /// <param name="extraUsage">Lines added to the usage.</param>
    public AnalysisCommand(IAnalysis<TRequest, TResult> analysis, Func<TResult, string> text, string defaultFormat = "text", IReadOnlyDictionary<string, Func<string, string>>? values = null, string? extraUsage = null)
    {
        _analysis = analysis;
        _text = text;
        _defaultFormat = defaultFormat;
        _values = values ?? new Dictionary<string, Func<string, string>>();
        _extraUsage = extraUsage;
        Flags = analysis.Parameters.Where(p => p.IsSwitch).Select(p => p.Option[2..]).Append("repair").ToHashSet(StringComparer.Ordinal);
    }

    public string Name => _analysis.Name;

    public string Summary => _analysis.Summary;

    public IReadOnlySet<string> Flags { get; }

    /// <summary><c>--scenario</c> may be given several times: the scenarios apply in order.</summary>
    public IReadOnlySet<string> Repeatable { get; } = new HashSet<string> { "scenario", "baseline" };

    private IReadOnlyList<string> Formats => [
        "text", "json",
        .. _analysis is IGeoJsonOutput<TResult> ? new[] { "geojson" } : [],
        .. _analysis is IMapOutput<TResult> ? new[] { "png" } : [],
        .. _analysis is ITableOutput<TResult> ? TableFile.Formats : [],
        .. _analysis is IDocumentOutput<TResult> ? Documents.Formats : []];

    private ITableOutput<TResult>? Tables => _analysis as ITableOutput<TResult>;

    public string Usage
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append("sousei ").Append(Name).Append(" --data DIR | --db CONN --city CODE");
            foreach (var p in _analysis.Parameters)
            {
                sb.Append(p.IsSwitch ? $" [{p.Option}]" : $" [{p.Option} {p.Value}]");
            }

            sb.Append($" [--format {string.Join("|", Formats)}]").Append(Tables is null && _analysis is not IDocumentOutput<TResult> ? "" : " [--lang ja|en]").Append(" [--out FILE]").AppendLine();
            sb.AppendLine("  " + Summary);
            var width = Math.Max(18, _analysis.Parameters.Max(p => p.Option.Length) + 2);
            foreach (var p in _analysis.Parameters)
            {
                sb.Append("  ").Append(p.Option.PadRight(width)).AppendLine(p.Help);
            }

            sb.Append("  ").Append("--format".PadRight(width)).AppendLine($"{string.Join(", ", Formats)} (default {_defaultFormat}); json has the keys of the API (docs/api.md)"
                + (Tables is null ? "" : "; csv is the main table (UTF-8 with BOM), xlsx a workbook of every table (needs --out)"));
            if (Tables is not null || _analysis is IDocumentOutput<TResult>)
            {
                sb.Append("  ").Append("--lang".PadRight(width)).AppendLine(Tables is not null
                    ? "language of the csv and xlsx headers and titles: ja (default) or en"
                    : "language of the html and pdf document: ja (default) or en");
            }

            if (_analysis is IDocumentOutput<TResult>)
            {
                sb.Append("  ").Append("".PadRight(width)).AppendLine("html: one self-contained file; pdf: A4 printed by headless Chromium. --out report.pdf implies --format pdf");
            }

            sb.Append("  ").Append("--out".PadRight(width)).AppendLine("write the output to FILE instead of the terminal");
            sb.Append(CliSource.Usage);
            if (_extraUsage is not null)
            {
                sb.AppendLine(_extraUsage);
            }

            return sb.ToString().TrimEnd();
        }
    }

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var output = args.String("out");

        // Without --format, a file name ending in a binary or document format's extension (report.pdf) says the format.
        var implied = output is not null && !args.Has("format") && Path.GetExtension(output).TrimStart('.').ToLowerInvariant() is { } ext
            && ext is "html" or "pdf" or "xlsx" or "csv" or "png" or "geojson" && Formats.Contains(ext) ? ext : _defaultFormat;
        var format = args.Choice("format", implied, Formats.Select(f => (f, f)).ToArray());
        var language = Tables is null && _analysis is not IDocumentOutput<TResult> ? TableLanguage.Japanese : args.Choice("lang", TableLanguage.Japanese, [.. TableLanguages.Choices]);
        if (output is not null)
        {
            OutputFile.Check(output);
        }
        else if (format == "png")
        {
            throw new UsageException("--format png writes an image: give --out FILE.png");
        }
        else if (format == "pdf")
        {
            throw new UsageException("--format pdf writes a document: give --out FILE.pdf");
        }
        else if (format == TableFile.Xlsx)
        {
            throw new UsageException("--format xlsx writes a workbook: give --out FILE.xlsx");
        }

        var request = _analysis.Parse(CliParameters.Of(args, _analysis.Parameters, _values));
        var source = CliSource.Open(args, console);
        args.RejectUnknown();
        var city = _analysis.Open(source, request);
        RegisterScenarioFiles(args, city);
        console.Progress($"{Name} on {source.Description}");
        var result = _analysis.Run(city, request);
        if (format == "png")
        {
            WriteFile(output!, MapRenderer.RenderPng(city, new MapRequest(MapLayers, null, 1200, 900), ((IMapOutput<TResult>)_analysis).Theme(result)), console);
            return CommandRunner.Ok;
        }

        if (Documents.Formats.Contains(format))
        {
            byte[] document;
            try
            {
                document = Documents.Render(city, result, format, language == TableLanguage.English);
            }
            catch (PrinterUnavailableException e)
            {
                console.Error.WriteLine($"sousei {Name}: {e.Message}");
                return CommandRunner.Unavailable;
            }

            if (output is null)
            {
                console.Out.Write(Encoding.UTF8.GetString(document));
            }
            else
            {
                WriteFile(output, document, console);
            }

            return CommandRunner.Ok;
        }

        if (TableFile.IsTable(format))
        {
            var bytes = TableFile.Write(format, Tables!.Tables(result), language);
            if (output is null)
            {
                // The CSV as it would be saved, byte-order mark included, so that `> file.csv` opens in Excel.
                console.Out.Write(Encoding.UTF8.GetString(bytes));
            }
            else
            {
                WriteFile(output, bytes, console);
            }

            return CommandRunner.Ok;
        }

        var text = format switch
        {
            "json" => JsonText.Of(_analysis, result),
            "geojson" => JsonText.Write(w => ((IGeoJsonOutput<TResult>)_analysis).WriteGeoJson(w, result)),
            _ => _text(result),
        };
        if (output is null)
        {
            console.Out.WriteLine(text);
        }
        else
        {
            WriteFile(output, new UTF8Encoding(false).GetBytes(text + "\n"), console);
        }

        return CommandRunner.Ok;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="output"/> whole or not at all, and says so.</summary>
    private static void WriteFile(string output, byte[] bytes, CliConsole console)
    {
        OutputFile.Write(output, stream =>
        {
            stream.Write(bytes);
            return bytes.Length;
        });
        console.Out.WriteLine($"wrote {output} ({bytes.Length:N0} bytes)");
    }

    /// <summary>The reference layers drawn over a thematic map.</summary>
    internal static readonly IReadOnlySet<string> MapLayers = new HashSet<string> { "zones", "inducement_area", "hubs" };

    /// <summary>
    /// <c>--scenario FILE</c>: a file on the command line is the scenario (the service only reaches the store's
    /// scenarios/ folder); a reference that is no file is looked up there by name.
    /// </summary>
    internal static void RegisterScenarioFiles(CommandArgs args, City city)
    {
        foreach (var reference in $"{args.String("scenario")},{args.String("baseline")}".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(reference) || Directory.Exists(reference))
            {
                city.RegisterScenarioFile(reference, reference);
            }
        }
    }
}
