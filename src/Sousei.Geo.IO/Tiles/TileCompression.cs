namespace Sousei.Geo.IO.Tiles;

/// <summary>How tiles or directories are compressed; the values are PMTiles v3's compression bytes (header offsets 97 and 98).</summary>
public enum TileCompression
{
    Unknown = 0,

    None = 1,

    Gzip = 2,

    Brotli = 3,

    Zstd = 4,
}
