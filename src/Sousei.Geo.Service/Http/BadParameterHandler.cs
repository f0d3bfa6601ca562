using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Sousei.Geo.Service.Http;

/// <summary>Turns bad input into RFC 9457 ProblemDetails (400, or 413 for oversized requests) instead of a 500.</summary>
internal sealed class BadParameterHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details;
        switch (exception)
        {
            case BadParameterException bad:
                details = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Bad query parameter",
                    Detail = $"{bad.Parameter}: {bad.Message}",
                    Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
                };
                details.Extensions["parameter"] = bad.Parameter;
                break;
            case BadHttpRequestException http:
                details = new ProblemDetails
                {
                    Status = http.StatusCode,
                    Title = http.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                    Detail = http.Message,
                };
                break;
            default:
                return false;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
