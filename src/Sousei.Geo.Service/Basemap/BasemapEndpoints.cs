using System.Globalization;
using System.Security.Cryptography;
using Sousei.Geo.IO.Tiles;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Basemap;

/// <summary>
/// <c>GET /basemap/{z}/{x}/{y}</c>: a tile of the offline basemap file, byte for byte as stored, with its media type,
/// <c>Content-Encoding</c> when the file stores compressed tiles, a strong ETag (304 on If-None-Match), and 204 for a
/// tile the file does not hold; <c>GET /basemap/metadata.json</c>: format, bounds, zooms, attribution.
/// </summary>
internal static class BasemapEndpoints
{
    /// <summary>Deepest zoom addressed (PMTiles ids and MBTiles rows both hold it).</summary>
    public const int MaxZoom = 30;

    public static IEndpointRouteBuilder MapBasemap(this IEndpointRouteBuilder app)
    {
        // Opened now, not at the first request: a bad file fails the start.
        _ = app.ServiceProvider.GetRequiredService<BasemapFile>();
        app.MapGet("/basemap/metadata.json", Metadata).WithTags("Basemap").WithSummary("Format, bounds, zoom range and attribution of the offline basemap file");
        app.MapGet("/basemap/{z}/{x}/{y}", Tile).WithTags("Basemap")
            .WithSummary("A tile of the offline basemap file (XYZ), as stored; 204 when the file has no such tile");
        return app;
    }

    private static IResult Metadata(HttpContext context, BasemapFile basemap)
    {
        _ = new QueryReader(context.Request, []);
        if (basemap.Archive is not { Metadata: var m })
        {
            return NoBasemap();
        }

        return Results.Json(new
        {
            format = TileFormats.Name(m.Format),
            tile_compression = Encoding(m.TileCompression) ?? "none",
            name = m.Name,
            attribution = basemap.Attribution,
            bounds = new[] { m.Bounds.MinLon, m.Bounds.MinLat, m.Bounds.MaxLon, m.Bounds.MaxLat },
            center = new[] { m.Center.Lon, m.Center.Lat, m.Center.Zoom },
            minzoom = m.MinZoom,
            maxzoom = m.MaxZoom,
            vector_layers = m.VectorLayers,
        });
    }

    private static IResult Tile(HttpContext context, BasemapFile basemap, string z, string x, string y)
    {
        _ = new QueryReader(context.Request, []);
        if (basemap.Archive is not { } archive)
        {
            return NoBasemap();
        }

        var zoom = Parse("z", z, MaxZoom);
        var max = (int)Math.Min(int.MaxValue, (1L << zoom) - 1);
        var column = Parse("x", x, max);
        var row = Parse("y", y, max);
        if (archive.GetTile(zoom, column, row) is not { } body)
        {
            return Results.NoContent();
        }

        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12).ToLowerInvariant() + "\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "public, max-age=86400";
        if (EntityTags.IfNoneMatch(context.Request, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var compression = archive.Metadata.TileCompression;
        if (archive.Metadata.Format == TileFormat.Mvt && compression == TileCompression.None && TileFormats.IsGzip(body))
        {
            // An MBTiles file may mix gzip and plain vector tiles; the magic bytes decide.
            compression = TileCompression.Gzip;
        }

        if (Encoding(compression) is { } encoding)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(body, TileFormats.MediaType(archive.Metadata.Format));
    }

    private static string? Encoding(TileCompression compression) => compression switch
    {
        TileCompression.Gzip => "gzip",
        TileCompression.Brotli => "br",
        TileCompression.Zstd => "zstd",
        _ => null,
    };

    private static IResult NoBasemap() => Results.Problem(statusCode: StatusCodes.Status404NotFound,
        detail: $"no basemap file: start with --basemap-file FILE.mbtiles|FILE.pmtiles (setting {ServiceSettings.BasemapFile})");

    private static int Parse(string name, string text, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 0 || v > max)
        {
            throw new BadParameterException(name, $"'{QueryReader.Shorten(text)}' must be a whole number from 0 to {max}");
        }

        return v;
    }
}
