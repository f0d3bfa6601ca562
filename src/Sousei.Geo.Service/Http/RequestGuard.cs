using System.Threading.RateLimiting;

namespace Sousei.Geo.Service.Http;

/// <summary>
/// The first middleware of the service: security headers on every answer, and the request-size limits answered as
/// ProblemDetails. Kestrel's own limits sit above these (<see cref="KestrelLineBytes"/>, <see cref="KestrelHeaderBytes"/>),
/// so a request a little too large reaches this guard and gets a body saying what is too large; only a request beyond
/// Kestrel's limits still gets Kestrel's bare status.
/// </summary>
internal static class RequestGuard
{
    /// <summary>Longest path and query the service answers (the request target).</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>Largest total of header names and values.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Most headers in one request.</summary>
    public const int MaxHeaderCount = 64;

    public const int KestrelLineBytes = 64 * 1024;

    public const int KestrelHeaderBytes = 256 * 1024;

    public const int KestrelHeaderCount = 512;

    /// <summary>
    /// What the viewer needs and nothing more: its own scripts, styles (OpenLayers sets inline styles), images and
    /// tiles from the service (data: and blob: for canvas exports), no frames, no plugins. A configured online basemap's
    /// origin is added to img-src and connect-src (<see cref="PolicyFor"/>), and only then.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
        + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy with <paramref name="basemapOrigin"/> (scheme, host, port) allowed for images and requests, when not null.</summary>
    public static string PolicyFor(string? basemapOrigin) => basemapOrigin is null ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob: {basemapOrigin};", StringComparison.Ordinal)
            .Replace("connect-src 'self';", $"connect-src 'self' {basemapOrigin};", StringComparison.Ordinal);

    /// <summary>Default requests a minute one client may make to the expensive endpoints (<see cref="Expensive"/>).</summary>
    public const int DefaultRateLimitPerMinute = 300;

    /// <summary>The endpoints that compute per request (what-if, isochrones, compare, exports, report documents): limited per client address.</summary>
    public static readonly string[] Expensive = ["/api/vacant/whatif", "/api/isochrones", "/api/compare", "/api/export/", "/api/report.html", "/api/report.pdf", "/api/staff"];

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app)
    {
        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>()[ServiceSettings.RateLimitPerMinute];
        var perMinute = int.TryParse(configured, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultRateLimitPerMinute;
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        var policy = PolicyFor(app.ApplicationServices.GetRequiredService<Viewer.ConfiguredBasemap>().Value?.Origin);
        return app.Use(async (context, next) => await Guard(context, next, limiter, perMinute, policy));
    }

    private static async Task Guard(HttpContext context, RequestDelegate next, PartitionedRateLimiter<HttpContext> limiter, int perMinute, string policy)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Content-Security-Policy"] = policy;
        headers["X-Frame-Options"] = "DENY";

        var request = context.Request;
        var target = request.Path.ToUriComponent().Length + (request.QueryString.Value?.Length ?? 0);
        if (target > MaxTargetBytes)
        {
            await Problem(context, StatusCodes.Status414UriTooLong, "URI too long", $"the path and query are {target:N0} bytes; at most {MaxTargetBytes:N0} are read (send long id lists in several requests)");
            return;
        }

        var count = 0;
        long bytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            count += Math.Max(1, values.Count);
            bytes += name.Length + values.Sum(v => (long)(v?.Length ?? 0));
        }

        if (count > MaxHeaderCount || bytes > MaxHeaderBytes)
        {
            await Problem(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request header fields too large",
                $"{count} headers of {bytes:N0} bytes; at most {MaxHeaderCount} headers and {MaxHeaderBytes:N0} bytes are read");
            return;
        }

        var path = context.Request.Path.Value ?? "";
        if (Expensive.Any(e => path.StartsWith(e, StringComparison.Ordinal)))
        {
            using var lease = limiter.AttemptAcquire(context);
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "60";
                await Problem(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"at most {perMinute} requests a minute from one client to the computing endpoints ({string.Join(", ", Expensive)}); try again in a minute");
                return;
            }

            await next(context);
            return;
        }

        await next(context);
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
