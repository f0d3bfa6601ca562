namespace Sousei.Geo.IO.Tiles;

/// <summary>One tile to write: XYZ address (y = 0 at the north) and its bytes exactly as they are to be stored.</summary>
public readonly record struct ArchiveTile(int Z, int X, int Y, byte[] Data);
