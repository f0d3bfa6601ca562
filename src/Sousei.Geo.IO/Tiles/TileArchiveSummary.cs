namespace Sousei.Geo.IO.Tiles;

/// <summary>What a writer wrote: tiles addressed, distinct tile blobs stored (after deduplication) and the file's bytes.</summary>
public sealed record TileArchiveSummary(long Tiles, long DistinctTiles, long Bytes);
