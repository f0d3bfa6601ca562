namespace Sousei.Geo.IO.Tiles;

/// <summary>Opens a tile archive by its extension: <c>.pmtiles</c> (<see cref="PmTilesReader"/>) or <c>.mbtiles</c> (<see cref="MbTilesReader"/>).</summary>
public static class TileArchive
{
    /// <summary>Whether <paramref name="path"/> ends in .pmtiles or .mbtiles (case-insensitive).</summary>
    public static bool HasKnownExtension(string path) => IsPmTiles(path) || IsMbTiles(path);

    public static bool IsPmTiles(string path) => path.EndsWith(".pmtiles", StringComparison.OrdinalIgnoreCase);

    public static bool IsMbTiles(string path) => path.EndsWith(".mbtiles", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="TileArchiveException">Missing, of another extension, or unreadable; the message names the file.</exception>
    public static ITileArchive Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new TileArchiveException($"'{path}' does not exist or is not a file");
        }

        if (IsPmTiles(path))
        {
            return PmTilesReader.Open(path);
        }

        return IsMbTiles(path)
            ? MbTilesReader.Open(path)
            : throw new TileArchiveException($"'{path}' is neither .pmtiles nor .mbtiles");
    }
}
