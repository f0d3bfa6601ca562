namespace Sousei.Geo.IO.Tiles;

/// <summary>Names and media types of <see cref="TileFormat"/>s: the short names of <c>/api/status</c>, MBTiles' <c>format</c> values.</summary>
public static class TileFormats
{
    /// <summary>The short name: <c>mvt</c>, <c>png</c>, <c>jpg</c>, <c>webp</c> (<c>unknown</c> otherwise).</summary>
    public static string Name(TileFormat format) => format switch
    {
        TileFormat.Mvt => "mvt",
        TileFormat.Png => "png",
        TileFormat.Jpeg => "jpg",
        TileFormat.Webp => "webp",
        _ => "unknown",
    };

    /// <summary>The HTTP media type of a tile.</summary>
    public static string MediaType(TileFormat format) => format switch
    {
        TileFormat.Mvt => "application/vnd.mapbox-vector-tile",
        TileFormat.Png => "image/png",
        TileFormat.Jpeg => "image/jpeg",
        TileFormat.Webp => "image/webp",
        _ => "application/octet-stream",
    };

    /// <summary>MBTiles 1.3's <c>format</c> value (<c>pbf</c> for vector tiles).</summary>
    public static string MbTilesName(TileFormat format) => format == TileFormat.Mvt ? "pbf" : Name(format);

    /// <summary>Reads an MBTiles <c>format</c> value (case-insensitive; <c>jpeg</c> and <c>mvt</c> accepted as well).</summary>
    public static TileFormat FromMbTilesName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "pbf" or "mvt" => TileFormat.Mvt,
        "png" => TileFormat.Png,
        "jpg" or "jpeg" => TileFormat.Jpeg,
        "webp" => TileFormat.Webp,
        _ => TileFormat.Unknown,
    };

    /// <summary>True when <paramref name="data"/> starts with the gzip magic bytes (RFC 1952: 1f 8b).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}
