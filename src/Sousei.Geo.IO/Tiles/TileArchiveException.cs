namespace Sousei.Geo.IO.Tiles;

/// <summary>A tile archive that cannot be read: missing, not PMTiles v3 / MBTiles, truncated or inconsistent. The message names the file.</summary>
public sealed class TileArchiveException(string message, Exception? inner = null) : IOException(message, inner);
