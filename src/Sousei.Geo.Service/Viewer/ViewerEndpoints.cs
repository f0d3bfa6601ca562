using System.Reflection;
using System.Security.Cryptography;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Viewer;

/// <summary>
/// Serves the browser viewer (src/Sousei.Geo.Viewer, built by npm into wwwroot/dist and embedded in this
/// assembly at build time) at <c>/</c> and <c>/viewer/{file}</c>, so the service needs no files beside it.
/// </summary>
internal static class ViewerEndpoints
{
    private const string Prefix = "viewer/";

    private static readonly Lazy<Dictionary<string, (byte[] Body, string ETag)>> Assets = new(LoadAssets);

    public static IEndpointRouteBuilder MapViewer(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext c) => Serve(c, "index.html")).ExcludeFromDescription();
        app.MapGet("/viewer/{file}", (HttpContext c, string file) => Serve(c, file)).ExcludeFromDescription();
        return app;
    }

    /// <summary>True when the npm build ran and its output is embedded.</summary>
    public static bool IsBuilt => Assets.Value.ContainsKey("index.html");

    private static IResult Serve(HttpContext context, string file)
    {
        if (!Assets.Value.TryGetValue(file, out var asset))
        {
            return file == "index.html"
                ? Results.Content("<!doctype html><meta charset=utf-8><title>Sousei.Geo</title><p>The viewer was not built (npm ci &amp;&amp; npm run build in src/Sousei.Geo.Viewer). The API is at <a href=/ogc>/ogc</a> and <a href=/openapi/v1.json>/openapi/v1.json</a>.", "text/html; charset=utf-8")
                : Results.Problem(statusCode: 404, title: "Not found", detail: $"no viewer file '{QueryReader.Shorten(file)}'");
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = file == "index.html" ? "no-cache" : "public, max-age=300";
        if (EntityTags.IfNoneMatch(context.Request, asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Body, ContentType(file));
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".map" => "application/json",
        _ => "application/octet-stream",
    };

    private static Dictionary<string, (byte[], string)> LoadAssets()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var result = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            result[name[Prefix.Length..]] = (body, "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12).ToLowerInvariant() + "\"");
        }

        return result;
    }
}
