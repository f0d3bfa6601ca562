using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

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
