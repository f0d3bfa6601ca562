using System.Globalization;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Tiles;

/// <summary><c>GET /tiles/{layer}/{z}/{x}/{y}.mvt</c> with ETag / If-None-Match (304).</summary>
internal static class TileEndpoints
{
    private const string ContentType = "application/vnd.mapbox-vector-tile";

    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/{layer}/{z}/{x}/{y}.mvt", Tile).WithTags("Tiles")
            .WithSummary("Mapbox Vector Tile (XYZ, Web Mercator) of households (aggregated), buildings, town_blocks, vacant_houses, transit_stops");
        return app;
    }

    private static IResult Tile(HttpContext context, TileService tiles, string layer, string z, string x, string y)
    {
        _ = new QueryReader(context.Request, []);
        if (!tiles.HasLayer(layer))
        {
            throw new BadParameterException("layer", $"no tile layer '{QueryReader.Shorten(layer)}'; layers: {string.Join(", ", tiles.LayerNames.Order(StringComparer.Ordinal))}");
        }

        var zoom = Parse("z", z, TileService.MaxZoom);
        var max = (1 << zoom) - 1;
        var column = Parse("x", x, max);
        var row = Parse("y", y, max);
        var tile = tiles.Get(layer, zoom, column, row);
        var headers = context.Response.Headers;
        headers.ETag = tile.ETag;
        headers.CacheControl = "public, max-age=3600";
        if (EntityTags.IfNoneMatch(context.Request, tile.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(tile.Body, ContentType);
    }

    private static int Parse(string name, string text, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 0 || v > max)
        {
            throw new BadParameterException(name, $"'{QueryReader.Shorten(text)}' must be a whole number from 0 to {max}");
        }

        return v;
    }
}
