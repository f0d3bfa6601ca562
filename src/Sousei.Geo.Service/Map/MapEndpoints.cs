using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Map;

/// <summary><c>GET /api/map.png</c>: a rendered map image (see <see cref="MapRenderer"/>).</summary>
internal static class MapEndpoints
{
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map.png", Map).WithTags("Map")
            .WithSummary("PNG map of chosen layers with legend, scale bar and north arrow");
        return app;
    }

    private static IResult Map(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["layers", "bbox", "width", "height", "lang"]);
        var request = MapRequest.Parse(q.String);
        return Results.Bytes(MapRenderer.RenderPng(data, request), "image/png");
    }
}
