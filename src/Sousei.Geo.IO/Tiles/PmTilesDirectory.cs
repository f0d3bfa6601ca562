using Sousei.Geo.IO.Binary;
namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// (De)serialises a PMTiles v3 directory, before the internal compression: the number of entries, then columns of
/// varints — tile ids as deltas, run lengths, lengths, and offsets as 0 when the entry follows the previous one's
/// bytes (offset = previous offset + length) or offset + 1 otherwise.
/// </summary>
internal static class PmTilesDirectory
{
    public static byte[] Encode(IReadOnlyList<PmTilesEntry> entries)
    {
        using var stream = new MemoryStream();
        Varint.Write(stream, (ulong)entries.Count);
        ulong last = 0;
        foreach (var e in entries)
        {
            Varint.Write(stream, e.TileId - last);
            last = e.TileId;
        }

        foreach (var e in entries)
        {
            Varint.Write(stream, e.RunLength);
        }

        foreach (var e in entries)
        {
            Varint.Write(stream, e.Length);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var follows = i > 0 && entries[i].Offset == entries[i - 1].Offset + entries[i - 1].Length;
            Varint.Write(stream, follows ? 0 : entries[i].Offset + 1);
        }

        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a directory (empty, truncated, ids not ascending, a zero length).</exception>
    public static PmTilesEntry[] Decode(ReadOnlySpan<byte> data)
    {
        var p = 0;
        var count = Varint.Read(data, ref p);
        // Every entry takes at least four bytes, which bounds a hostile count before anything is allocated.
        if (count == 0 || count > (ulong)data.Length)
        {
            throw new InvalidDataException(count == 0 ? "a directory has no entries" : $"a directory claims {count} entries in {data.Length} bytes");
        }

        var n = (int)count;
        var ids = new ulong[n];
        var runs = new uint[n];
        var lengths = new uint[n];
        ulong id = 0;
        for (var i = 0; i < n; i++)
        {
            var delta = Varint.Read(data, ref p);
            if (i > 0 && delta == 0)
            {
                throw new InvalidDataException("directory tile ids are not ascending");
            }

            id += delta;
            ids[i] = id;
        }

        for (var i = 0; i < n; i++)
        {
            runs[i] = checked((uint)Varint.Read(data, ref p));
        }

        for (var i = 0; i < n; i++)
        {
            lengths[i] = checked((uint)Varint.Read(data, ref p));
            if (lengths[i] == 0)
            {
                throw new InvalidDataException("a directory entry has length 0");
            }
        }

        var entries = new PmTilesEntry[n];
        for (var i = 0; i < n; i++)
        {
            var v = Varint.Read(data, ref p);
            var offset = v == 0 && i > 0 ? entries[i - 1].Offset + entries[i - 1].Length : v - 1;
            if (v == 0 && i == 0)
            {
                throw new InvalidDataException("the first directory entry has no offset");
            }

            entries[i] = new PmTilesEntry(ids[i], offset, lengths[i], runs[i]);
        }

        return entries;
    }

    /// <summary>The entry that holds <paramref name="tileId"/> (a tile run or a leaf), or null.</summary>
    public static PmTilesEntry? Find(PmTilesEntry[] entries, ulong tileId)
    {
        int lo = 0, hi = entries.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].TileId <= tileId)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var e = entries[found];
        return e.RunLength == 0 || tileId - e.TileId < e.RunLength ? e : null;
    }
}
