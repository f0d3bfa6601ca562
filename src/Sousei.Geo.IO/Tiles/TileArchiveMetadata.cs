using System.Text.Json.Nodes;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// What a tile archive says about itself, written alike to PMTiles (header + JSON metadata) and MBTiles (the
/// <c>metadata</c> table). Bounds and center in longitude/latitude (CRS84, x = longitude); zooms of the XYZ scheme.
/// </summary>
public sealed record TileArchiveMetadata
{
    public TileFormat Format { get; init; } = TileFormat.Unknown;

    /// <summary>How each stored tile is compressed (PMTiles' header; an MBTiles file says it by the gzip magic of its tiles).</summary>
    public TileCompression TileCompression { get; init; } = TileCompression.None;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Attribution { get; init; }

    public int MinZoom { get; init; }

    public int MaxZoom { get; init; }

    /// <summary>minLon, minLat, maxLon, maxLat, degrees.</summary>
    public (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds { get; init; } = (-180, -85.05112878, 180, 85.05112878);

    public (double Lon, double Lat, int Zoom) Center { get; init; }

    /// <summary>TileJSON 3.0 <c>vector_layers</c> (id, fields, minzoom, maxzoom) of vector archives, or null.</summary>
    public JsonArray? VectorLayers { get; init; }
}
