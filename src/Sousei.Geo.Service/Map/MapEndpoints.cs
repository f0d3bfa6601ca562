using Sousei.Geo.Analysis;
using Sousei.Geo.Rendering;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Map;

/// <summary><c>GET /api/map.png</c>: a rendered map image (see <see cref="MapRenderer"/>), the same as <c>sousei map</c>.</summary>
internal static class MapEndpoints
{
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map.png", Map).WithTags("Map")
            .WithSummary("PNG map of chosen layers with legend, scale bar and north arrow").WithAnalysisParameters(MapRequest.Parameters);
        return app;
    }

    private static IResult Map(HttpContext context, City data)
    {
        var request = MapRequest.Parse(AnalysisEndpoints.Query(context.Request, MapRequest.Parameters));
        return Results.Bytes(MapRenderer.RenderPng(data, request), "image/png");
    }
}
