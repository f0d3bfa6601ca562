namespace Sousei.Geo.IO.Tiles;

/// <summary>What the tiles of an archive are; the values are PMTiles v3's tile type byte (header offset 99).</summary>
public enum TileFormat
{
    /// <summary>Unknown or other.</summary>
    Unknown = 0,

    /// <summary>Mapbox Vector Tile (protobuf), MBTiles format <c>pbf</c>.</summary>
    Mvt = 1,

    Png = 2,

    Jpeg = 3,

    Webp = 4,
}
