using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.Service.Http;

/// <summary>Turns bad input into RFC 9457 ProblemDetails (400, or 413 for oversized requests) instead of a 500.</summary>
internal sealed class BadParameterHandler : IExceptionHandler
{
    /// <summary>Longest detail sent back: messages that list every problem of a long input are cut here.</summary>
    internal const int MaxDetailLength = 1000;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details;
        switch (exception)
        {
            case BadParameterException bad:
                var parameter = QueryReader.Shorten(bad.Parameter);
                details = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Bad query parameter",
                    Detail = Cap($"{parameter}: {bad.Message}"),
                    Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
                };
                details.Extensions["parameter"] = parameter;
                break;
            case RequestException request:
                // A missing layer is a fact about the data: the resource does not exist for it (404), the request itself is fine.
                var first = request.Problems[0];
                var firstName = QueryReader.Shorten(first.Parameter);
                details = new ProblemDetails
                {
                    Status = request.IsDataProblem ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                    Title = request.IsDataProblem ? "Not available for this data" : "Bad query parameter",
                    Detail = Cap(string.Join("; ", request.Problems.Select(p => $"{QueryReader.Shorten(p.Parameter)}: {p.Message}"))),
                    Type = request.IsDataProblem ? "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5" : "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
                };
                details.Extensions["parameter"] = firstName;
                details.Extensions["code"] = first.Code;
                details.Extensions["problems"] = request.Problems.Select(p => new { parameter = QueryReader.Shorten(p.Parameter), code = p.Code, message = Cap(p.Message) }).ToList();
                break;
            case DataException data:
                // Data problems found while answering (a feed with a bad row read on first use): the data, not the request.
                details = new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "The data has problems",
                    Detail = Cap(data.Message),
                };
                details.Extensions["problems"] = data.Problems.Select(p => new { code = p.Code, file = p.File, line = p.Line, place = p.Place, feature = p.FeatureIndex, message = p.Message }).ToList();
                break;
            case BadHttpRequestException http:
                details = new ProblemDetails
                {
                    Status = http.StatusCode,
                    Title = http.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                    Detail = Cap(http.Message),
                };
                break;
            default:
                return false;
        }

        // Through the ProblemDetails service when the Accept header allows it; otherwise (a browser's
        // Accept: text/html) the result writes the JSON itself, so the answer is never an empty 400.
        await TypedResults.Problem(details).ExecuteAsync(httpContext);
        return true;
    }

    private static string Cap(string s) => s.Length <= MaxDetailLength ? s : QueryReader.ShortenTo(s, MaxDetailLength);
}
