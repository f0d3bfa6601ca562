using System.Globalization;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Service.Basemap;
using Sousei.Geo.Service.Density;
using Sousei.Geo.Service.Export;
using Sousei.Geo.Service.Features;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Map;
using Sousei.Geo.Service.Privacy;
using Sousei.Geo.Service.Tiles;
using Sousei.Geo.Service.Transit;
using Sousei.Geo.Service.Vacant;
using Sousei.Geo.Service.Viewer;

namespace Sousei.Geo.Service;

/// <summary>Builds the service: wiring only; each feature maps its own endpoints.</summary>
public static class ServiceApp
{
    /// <summary>
    /// Creates the application from command-line style <paramref name="args"/> (<c>--Sousei:Data DIR</c>,
    /// <c>--urls …</c>; see <see cref="ServiceSettings"/>). <paramref name="configure"/> may add settings or
    /// services (for example a ready <see cref="City"/>) before the app is built. The city data is loaded
    /// before this returns, so a bad store fails at start rather than at the first request.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024;
            // Above the service's own limits (RequestGuard), which answer with ProblemDetails.
            k.Limits.MaxRequestLineSize = RequestGuard.KestrelLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestGuard.KestrelHeaderBytes;
            k.Limits.MaxRequestHeaderCount = RequestGuard.KestrelHeaderCount;
            // What Kestrel still refuses itself (a bad Host, %00 in the path, beyond these limits) gets a ProblemDetails body.
            k.ConfigureEndpointDefaults(KestrelProblemBodies.Use);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A start that fails (a port taken) is reported by the caller in one line; the host's own error log carries a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadParameterHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(LoadCity);
        builder.Services.AddSingleton<FeatureCatalog>();
        builder.Services.AddSingleton<StaffAccess>();
        builder.Services.AddSingleton<TileService>();
        builder.Services.AddSingleton(ConfiguredBasemap.FromConfiguration);
        builder.Services.AddSingleton<BasemapFile>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Services.GetRequiredService<City>();
        app.Services.GetRequiredService<ConfiguredBasemap>();
        app.Services.GetRequiredService<TileService>().WarmUp();
        app.UseRequestGuard();
        app.UseExceptionHandler();
        // 404 / 405 without a body: ProblemDetails whatever the Accept header (the default falls back to text/plain).
        app.UseStatusCodePages(c => TypedResults.Problem(statusCode: c.HttpContext.Response.StatusCode).ExecuteAsync(c.HttpContext));
        // HEAD (RFC 9110 §9.3.2) is answered by the GET endpoint: routing sees GET, and the server, which still knows
        // the request was HEAD, sends the status and headers without the body.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseRouting();
        // Only the one document: another name would get the OpenAPI middleware's plain-text 404 instead of ProblemDetails.
        app.MapOpenApi("/openapi/v1.json");
        app.MapViewer();
        app.MapDensity();
        app.MapTransit();
        app.MapOgcFeatures();
        app.MapExport();
        app.MapTiles();
        app.MapBasemap();
        app.MapImages();
        app.MapVacantAnalysis();
        app.MapStaff();
        return app;
    }

    private static City LoadCity(IServiceProvider services)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var dir = config[ServiceSettings.Data] ?? config["data"]
            ?? throw new InvalidOperationException($"no data: start with --data DIR (configuration key {ServiceSettings.Data})");
        var projection = PlaneProjection.Kumamoto;
        if (config[ServiceSettings.Crs] is { } crs && !PlaneProjection.TryParse(crs, out projection, out var error))
        {
            throw new InvalidOperationException(error);
        }

        DateOnly? date = null;
        if (config[ServiceSettings.ServiceDate] is { } d)
        {
            date = DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ServiceSettings.ServiceDate}: '{d}' is not a date (YYYY-MM-DD)");
        }


        var repair = string.Equals(config[ServiceSettings.Repair], "true", StringComparison.OrdinalIgnoreCase);
        var city = City.Open(new FileStoreSource(dir, projection!, repair), CityLayers.All, date);
        Warm(city);
        return city;
    }

    /// <summary>
    /// Reads the feeds and builds the default day's network and the vacant-house fields at start, so that a bad
    /// feed fails the start (not the first request) and the first requests are fast.
    /// </summary>
    public static void Warm(City city)
    {
        _ = city.DefaultTransit;
        _ = city.VacantHouses;
    }
}
