using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.IO.Tables;
using Sousei.Geo.Rendering;
using Sousei.Geo.Service.Features;

namespace Sousei.Geo.Service.Http;

/// <summary>
/// Serves an analysis of the application layer as <c>GET path?name=value…</c>: the query parameters are the
/// analysis's parameters by their one name (an unknown or repeated one is a problem), the use case parses,
/// validates and runs, and the answer is the analysis's JSON — the same keys as <c>sousei NAME --format json</c> — or
/// another form the analysis has (GeoJSON, a map PNG, a CSV or XLSX of its tables), as <c>format</c> or <c>f</c> asks.
/// Problems become ProblemDetails (<see cref="BadParameterHandler"/>).
/// </summary>
internal static class AnalysisEndpoints
{
    public static RouteHandlerBuilder MapAnalysis<TRequest, TResult>(this IEndpointRouteBuilder app, string path, IAnalysis<TRequest, TResult> analysis, string tag, Func<TResult, string>? contentType = null)
        where TRequest : class =>
        app.MapGet(path, (HttpContext context, City city) => Answer(context, city, analysis, null, contentType))
            .WithTags(tag).WithSummary(analysis.Summary).WithAnalysisParameters(analysis.Parameters, Formats(analysis), analysis is ITableOutput<TResult> || analysis is IDocumentOutput<TResult>);

    /// <summary>
    /// <c>GET path.html</c> and <c>path.pdf</c> for an analysis with a document: the same request as <c>path?format=html|pdf</c>.
    /// A PDF needs headless Chromium on the server; without it the answer is 503 ProblemDetails saying so.
    /// </summary>
    public static void MapDocuments<TRequest, TResult>(this IEndpointRouteBuilder app, string path, IAnalysis<TRequest, TResult> analysis, string tag)
        where TRequest : class
    {
        foreach (var format in Documents.Formats)
        {
            app.MapGet($"{path}.{format}", (HttpContext context, City city) => Answer(context, city, analysis, format, null))
                .WithTags(tag).WithSummary($"{analysis.Summary} ({format} document)").WithAnalysisParameters(analysis.Parameters, null, true);
        }
    }

    private static IResult Answer<TRequest, TResult>(HttpContext context, City city, IAnalysis<TRequest, TResult> analysis, string? fixedFormat, Func<TResult, string>? contentType)
        where TRequest : class
    {
        // An analysis with other forms takes format=json|geojson|png|csv|xlsx|html|pdf (or f=…, OGC style), as --format
        // on the command line; one with tables or a document also takes lang=ja|en.
        var geo = analysis as IGeoJsonOutput<TResult>;
        var map = analysis as IMapOutput<TResult>;
        var tables = analysis as ITableOutput<TResult>;
        var document = analysis as IDocumentOutput<TResult>;
        var formats = Formats(analysis);
        var lang = tables is not null || document is not null;
        var parameters = fixedFormat is not null ? Query(context.Request, analysis.Parameters, "lang")
            : formats.Length == 1 ? Query(context.Request, analysis.Parameters) : Query(context.Request, analysis.Parameters, [.. OutputParameters(lang)]);
        var format = fixedFormat ?? (formats.Length == 1 ? "json" : formats[FormatChoice(parameters, formats) ?? 0]);
        var language = !lang ? TableLanguage.Japanese : parameters.Choice("lang", [.. TableLanguages.Choices]) ?? TableLanguage.Japanese;
        var request = analysis.Parse(parameters);
        var result = analysis.Run(city, request);
        if (Documents.Formats.Contains(format))
        {
            try
            {
                var bytes = Documents.Render(city, result, format, language == TableLanguage.English);
                return Results.File(bytes, Documents.ContentType(format), format == "pdf" ? $"{document!.DocumentName}.pdf" : null);
            }
            catch (PrinterUnavailableException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF printer is unavailable", detail: e.Message);
            }
        }

        return format switch
        {
            "geojson" => OgcEndpoints.Json(w => geo!.WriteGeoJson(w, result), "application/geo+json"),
            "png" => Results.File(MapRenderer.RenderPng(city, new MapRequest(MapLayers, null, 1200, 900), map!.Theme(result)), "image/png"),
            TableFile.Csv or TableFile.Xlsx => Results.File(TableFile.Write(format, tables!.Tables(result), language), TableFile.ContentType(format), TableFile.FileName(analysis.Name, format)),
            _ => OgcEndpoints.Json(w => analysis.WriteJson(w, result), contentType?.Invoke(result) ?? "application/json"),
        };
    }

    private static readonly IReadOnlySet<string> MapLayers = new HashSet<string> { "zones", "inducement_area", "hubs" };

    private static string[] Formats<TRequest, TResult>(IAnalysis<TRequest, TResult> analysis)
        where TRequest : class =>
        ["json", .. analysis is IGeoJsonOutput<TResult> ? new[] { "geojson" } : [], .. analysis is IMapOutput<TResult> ? new[] { "png" } : [],
         .. analysis is ITableOutput<TResult> ? TableFile.Formats : [], .. analysis is IDocumentOutput<TResult> ? Documents.Formats : []];

    /// <summary>The query parameters of the output besides the analysis's own: format, its alias f, and lang for tables.</summary>
    private static IEnumerable<string> OutputParameters(bool tables) => tables ? ["format", "f", "lang"] : ["format", "f"];

    /// <summary>The index of the asked format, from <c>format</c> or its OGC alias <c>f</c> (not both); null when neither is given.</summary>
    private static int? FormatChoice(Parameters parameters, string[] formats)
    {
        var choices = formats.Select((f, i) => (f, i)).ToArray();
        if (parameters.Has("format") && parameters.Has("f"))
        {
            parameters.Add("f", RequestProblem.Conflict, "is an alias of format: give one of them");
            return null;
        }

        return parameters.Choice(parameters.Has("f") ? "f" : "format", choices);
    }

    /// <summary>Lists the analysis's parameters (name, help with the default) as query parameters of the OpenAPI operation.</summary>
    public static RouteHandlerBuilder WithAnalysisParameters(this RouteHandlerBuilder builder, IReadOnlyList<ParameterSpec> specs, string[]? formats = null, bool tables = false) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var spec in specs)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = spec.Name,
                    In = ParameterLocation.Query,
                    Description = spec.IsSwitch ? spec.Help + " (true or false)" : $"{spec.Value}: {spec.Help}",
                    Schema = new OpenApiSchema { Type = spec.IsSwitch ? JsonSchemaType.Boolean : JsonSchemaType.String },
                });
            }

            if (formats is { Length: > 1 })
            {
                foreach (var (name, what) in new[] { ("format", "the form of the answer"), ("f", "alias of format (OGC API style); give one of them") })
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Query,
                        Description = $"{what}: {string.Join(", ", formats)} (default json)" + (tables ? "; csv is the main table (UTF-8 with BOM), xlsx a workbook of every table" : ""),
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. formats.Select(f => (JsonNode)JsonValue.Create(f))] },
                    });
                }
            }

            if (tables)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "lang",
                    In = ParameterLocation.Query,
                    Description = "language of the headers and titles of csv and xlsx: ja (default) or en",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. TableLanguages.Choices.Select(c => (JsonNode)JsonValue.Create(c.Code))] },
                });
            }

            return Task.CompletedTask;
        });

    /// <summary>Reads the query into the analysis's request; unknown or repeated parameters are problems.</summary>
    public static TRequest Parse<TRequest, TResult>(HttpRequest request, IAnalysis<TRequest, TResult> analysis)
        where TRequest : class => analysis.Parse(Query(request, analysis.Parameters));

    /// <summary>The query as <see cref="Parameters"/>, checked against <paramref name="specs"/> (and <paramref name="extra"/> names).</summary>
    public static Parameters Query(HttpRequest request, IReadOnlyList<ParameterSpec> specs, params string[] extra)
    {
        var known = specs.Select(s => s.Name).Concat(extra).ToHashSet(StringComparer.Ordinal);
        var problems = new List<RequestProblem>();
        foreach (var (name, values) in request.Query)
        {
            if (!known.Contains(name))
            {
                problems.Add(new RequestProblem(name, RequestProblem.Unknown, $"unknown query parameter; this endpoint accepts: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
            else if (values.Count > 1)
            {
                problems.Add(new RequestProblem(name, RequestProblem.Format, "given more than once"));
            }
        }

        if (problems.Count > 0)
        {
            throw new RequestException(problems.Take(Parameters.ProblemCap).ToList());
        }

        var query = request.Query;
        return new Parameters(n => query.TryGetValue(n, out var v) && v.Count > 0 ? v[0] : null);
    }
}
