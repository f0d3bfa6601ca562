namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// One directory entry of PMTiles v3: tiles <see cref="TileId"/> … <see cref="TileId"/> + <see cref="RunLength"/> − 1
/// share the bytes at <see cref="Offset"/> (relative to the tile data section) of <see cref="Length"/> bytes;
/// <see cref="RunLength"/> 0 points at a leaf directory (offset relative to the leaf directory section) instead.
/// </summary>
public readonly record struct PmTilesEntry(ulong TileId, ulong Offset, uint Length, uint RunLength);
