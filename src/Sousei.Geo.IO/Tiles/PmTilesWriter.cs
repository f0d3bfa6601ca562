using System.Security.Cryptography;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// Writes a PMTiles v3 archive: header, root directory, JSON metadata, leaf directories, tile data — clustered (tile
/// data in tile-id order), directories and metadata gzip-compressed, identical tiles stored once, and consecutive ids
/// with identical bytes folded into one run-length entry. When the root directory would not fit, with the header,
/// in the spec's first 16 KiB, entries go to leaf directories (4,096 entries each, doubled until the root fits).
/// Tiles are written as given (compress them first and say so in <see cref="TileArchiveMetadata.TileCompression"/>).
/// Holds the tiles in memory until written.
/// </summary>
public sealed class PmTilesWriter
{
    /// <summary>The spec's limit on header plus root directory.</summary>
    public const int RootLimitBytes = 16_384;

    /// <summary>Largest compressed root directory; smaller values force leaf directories (tests).</summary>
    public int MaxRootDirectoryBytes { get; init; } = RootLimitBytes - PmTilesHeader.Length;

    /// <summary>Entries of the first leaf-size attempt.</summary>
    public int LeafEntries { get; init; } = 4096;

    /// <exception cref="ArgumentException">No tiles, a tile twice, an empty tile, or a zoom outside the metadata's range.</exception>
    public TileArchiveSummary Write(Stream output, TileArchiveMetadata metadata, IEnumerable<ArchiveTile> tiles)
    {
        var sorted = tiles.Select(t =>
        {
            if (t.Data.Length == 0)
            {
                throw new ArgumentException($"tile {t.Z}/{t.X}/{t.Y} is empty (PMTiles lengths must be above 0)", nameof(tiles));
            }

            if (t.Z < metadata.MinZoom || t.Z > metadata.MaxZoom)
            {
                throw new ArgumentException($"tile {t.Z}/{t.X}/{t.Y} lies outside zooms {metadata.MinZoom}–{metadata.MaxZoom}", nameof(tiles));
            }

            return (Id: PmTileId.FromZxy(t.Z, t.X, t.Y), t.Data);
        }).OrderBy(t => t.Id).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no tiles to write (a PMTiles directory must not be empty)", nameof(tiles));
        }

        using var data = new MemoryStream();
        var blobs = new Dictionary<string, (ulong Offset, uint Length)>(StringComparer.Ordinal);
        var entries = new List<PmTilesEntry>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var (id, bytes) = sorted[i];
            if (i > 0 && sorted[i - 1].Id == id)
            {
                var (z, x, y) = PmTileId.ToZxy(id);
                throw new ArgumentException($"tile {z}/{x}/{y} is given twice", nameof(tiles));
            }

            var key = Convert.ToBase64String(SHA256.HashData(bytes));
            if (!blobs.TryGetValue(key, out var blob))
            {
                blob = ((ulong)data.Length, checked((uint)bytes.Length));
                blobs[key] = blob;
                data.Write(bytes);
            }

            if (entries.Count > 0 && entries[^1] is var last && last.TileId + last.RunLength == id && last.Offset == blob.Offset)
            {
                entries[^1] = last with { RunLength = last.RunLength + 1 };
            }
            else
            {
                entries.Add(new PmTilesEntry(id, blob.Offset, blob.Length, 1));
            }
        }

        var (root, leaves) = Directories(entries);
        var json = Gzip.Compress(TileMetadataJson.PmTiles(metadata));
        var header = new PmTilesHeader
        {
            RootOffset = PmTilesHeader.Length,
            RootLength = (ulong)root.Length,
            MetadataOffset = PmTilesHeader.Length + (ulong)root.Length,
            MetadataLength = (ulong)json.Length,
            LeafDirectoryOffset = PmTilesHeader.Length + (ulong)root.Length + (ulong)json.Length,
            LeafDirectoryLength = (ulong)leaves.Length,
            TileDataOffset = PmTilesHeader.Length + (ulong)root.Length + (ulong)json.Length + (ulong)leaves.Length,
            TileDataLength = (ulong)data.Length,
            AddressedTiles = (ulong)sorted.Count,
            TileEntries = (ulong)entries.Count,
            TileContents = (ulong)blobs.Count,
            Clustered = true,
            InternalCompression = TileCompression.Gzip,
            TileCompression = metadata.TileCompression,
            TileType = metadata.Format,
            MinZoom = checked((byte)metadata.MinZoom),
            MaxZoom = checked((byte)metadata.MaxZoom),
            MinLon = metadata.Bounds.MinLon,
            MinLat = metadata.Bounds.MinLat,
            MaxLon = metadata.Bounds.MaxLon,
            MaxLat = metadata.Bounds.MaxLat,
            CenterZoom = checked((byte)metadata.Center.Zoom),
            CenterLon = metadata.Center.Lon,
            CenterLat = metadata.Center.Lat,
        };
        output.Write(header.ToBytes());
        output.Write(root);
        output.Write(json);
        output.Write(leaves);
        data.Position = 0;
        data.CopyTo(output);
        output.Flush();
        var length = PmTilesHeader.Length + root.Length + json.Length + leaves.Length + data.Length;
        return new TileArchiveSummary(sorted.Count, blobs.Count, length);
    }

    private (byte[] Root, byte[] Leaves) Directories(List<PmTilesEntry> entries)
    {
        var root = Gzip.Compress(PmTilesDirectory.Encode(entries));
        if (root.Length <= MaxRootDirectoryBytes)
        {
            return (root, []);
        }

        for (var size = Math.Max(1, LeafEntries); ; size *= 2)
        {
            using var leaves = new MemoryStream();
            var rootEntries = new List<PmTilesEntry>();
            for (var i = 0; i < entries.Count; i += size)
            {
                var chunk = entries.GetRange(i, Math.Min(size, entries.Count - i));
                var leaf = Gzip.Compress(PmTilesDirectory.Encode(chunk));
                rootEntries.Add(new PmTilesEntry(chunk[0].TileId, (ulong)leaves.Length, (uint)leaf.Length, 0));
                leaves.Write(leaf);
            }

            root = Gzip.Compress(PmTilesDirectory.Encode(rootEntries));
            if (root.Length <= MaxRootDirectoryBytes || rootEntries.Count == 1)
            {
                return (root, leaves.ToArray());
            }
        }
    }
}
