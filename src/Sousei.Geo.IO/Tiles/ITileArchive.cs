namespace Sousei.Geo.IO.Tiles;

/// <summary>A read-only tile archive (PMTiles v3 or MBTiles) addressed in the XYZ scheme (y = 0 at the north). Thread-safe.</summary>
public interface ITileArchive : IDisposable
{
    TileArchiveMetadata Metadata { get; }

    /// <summary>The tile's bytes exactly as stored (still compressed when the archive stores compressed tiles), or null when absent.</summary>
    /// <exception cref="TileArchiveException">The archive is damaged where the tile would be.</exception>
    byte[]? GetTile(int z, int x, int y);
}
