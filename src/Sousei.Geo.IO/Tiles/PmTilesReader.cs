using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// Reads a PMTiles v3 archive (spec: github.com/protomaps/PMTiles, spec/v3/spec.md): the 127-byte header, the root
/// directory, leaf directories (at most three levels, cached), run-length entries and the JSON metadata; internal
/// compression none or gzip. Tiles come back as stored (the header's <see cref="PmTilesHeader.TileCompression"/>
/// says how to decompress them). Positional reads on one file handle: thread-safe.
/// </summary>
public sealed class PmTilesReader : ITileArchive
{
    private const int MaxDepth = 3;
    private const int LeafCacheCapacity = 512;

    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly long _fileLength;
    private readonly PmTilesEntry[] _root;
    private readonly ConcurrentDictionary<ulong, PmTilesEntry[]> _leaves = new();

    private PmTilesReader(SafeFileHandle file, string path)
    {
        _file = file;
        _path = path;
        _fileLength = RandomAccess.GetLength(file);
        Header = PmTilesHeader.Read(ReadRange(0, PmTilesHeader.Length));
        if (Header.InternalCompression is not (TileCompression.None or TileCompression.Gzip))
        {
            throw new InvalidDataException($"internal compression {Header.InternalCompression} is not read (only none and gzip)");
        }

        _root = PmTilesDirectory.Decode(Section(Header.RootOffset, Header.RootLength));
        MetadataJson = Header.MetadataLength == 0 ? [] : TileMetadataJson.Parse(Section(Header.MetadataOffset, Header.MetadataLength));
        Metadata = new TileArchiveMetadata
        {
            Format = Header.TileType,
            TileCompression = Header.TileCompression,
            Name = TileMetadataJson.Text(MetadataJson, "name"),
            Description = TileMetadataJson.Text(MetadataJson, "description"),
            Attribution = TileMetadataJson.Text(MetadataJson, "attribution"),
            MinZoom = Header.MinZoom,
            MaxZoom = Header.MaxZoom,
            Bounds = (Header.MinLon, Header.MinLat, Header.MaxLon, Header.MaxLat),
            Center = (Header.CenterLon, Header.CenterLat, Header.CenterZoom),
            VectorLayers = TileMetadataJson.Layers(MetadataJson),
        };
    }

    public PmTilesHeader Header { get; }

    /// <summary>The JSON metadata as stored (decompressed).</summary>
    public JsonObject MetadataJson { get; }

    public TileArchiveMetadata Metadata { get; }

    /// <exception cref="TileArchiveException">The file is missing or not a readable PMTiles v3 archive.</exception>
    public static PmTilesReader Open(string path)
    {
        SafeFileHandle? file = null;
        try
        {
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return new PmTilesReader(file, path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or OverflowException)
        {
            file?.Dispose();
            throw new TileArchiveException($"'{path}' is not a readable PMTiles v3 archive: {e.Message}", e);
        }
    }

    public byte[]? GetTile(int z, int x, int y)
    {
        if (z < 0 || z > PmTileId.MaxZoom || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return null;
        }

        var id = PmTileId.FromZxy(z, x, y);
        try
        {
            var directory = _root;
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                if (PmTilesDirectory.Find(directory, id) is not { } entry)
                {
                    return null;
                }

                if (entry.RunLength > 0)
                {
                    return ReadRange(checked((long)(Header.TileDataOffset + entry.Offset)), (int)entry.Length);
                }

                directory = Leaf(entry);
            }

            throw new InvalidDataException($"leaf directories nest deeper than {MaxDepth} levels");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or OverflowException)
        {
            throw new TileArchiveException($"'{_path}': tile {z}/{x}/{y}: {e.Message}", e);
        }
    }

    /// <summary>Every tile entry (leaves expanded) in tile-id order; for checks and statistics.</summary>
    public IEnumerable<PmTilesEntry> Entries() => Expand(_root, 0);

    public void Dispose() => _file.Dispose();

    private IEnumerable<PmTilesEntry> Expand(PmTilesEntry[] directory, int depth)
    {
        foreach (var e in directory)
        {
            if (e.RunLength > 0)
            {
                yield return e;
            }
            else if (depth < MaxDepth)
            {
                foreach (var inner in Expand(Leaf(e), depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private PmTilesEntry[] Leaf(PmTilesEntry entry)
    {
        if (_leaves.TryGetValue(entry.Offset, out var cached))
        {
            return cached;
        }

        if (_leaves.Count >= LeafCacheCapacity)
        {
            _leaves.Clear();
        }

        var leaf = PmTilesDirectory.Decode(Section(Header.LeafDirectoryOffset + entry.Offset, entry.Length));
        _leaves[entry.Offset] = leaf;
        return leaf;
    }

    /// <summary>A directory or the metadata, decompressed by the internal compression.</summary>
    private byte[] Section(ulong offset, ulong length)
    {
        if (length > 64 << 20)
        {
            throw new InvalidDataException($"a section of {length} bytes is too large");
        }

        var bytes = ReadRange(checked((long)offset), (int)length);
        return Header.InternalCompression == TileCompression.Gzip ? Gzip.Decompress(bytes) : bytes;
    }

    private byte[] ReadRange(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > _fileLength)
        {
            throw new InvalidDataException($"bytes {offset}–{offset + length} lie beyond the end of the file ({_fileLength} bytes)");
        }

        var buffer = new byte[length];
        var done = 0;
        while (done < length)
        {
            var read = RandomAccess.Read(_file, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new InvalidDataException("the file ends early");
            }

            done += read;
        }

        return buffer;
    }
}
