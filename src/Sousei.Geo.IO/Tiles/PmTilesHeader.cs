using System.Buffers.Binary;

namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// The fixed 127-byte header of PMTiles v3 (little-endian): magic <c>PMTiles</c>, version 3, offsets and lengths of
/// the root directory, JSON metadata, leaf directories and tile data, tile counts, clustered flag, internal and tile
/// compression, tile type, zoom range, bounds and center as longitude/latitude × 10^7 in signed 32-bit integers.
/// </summary>
public sealed record PmTilesHeader
{
    public const int Length = 127;

    public const byte Version = 3;

    private static ReadOnlySpan<byte> Magic => "PMTiles"u8;

    public ulong RootOffset { get; init; }

    public ulong RootLength { get; init; }

    public ulong MetadataOffset { get; init; }

    public ulong MetadataLength { get; init; }

    public ulong LeafDirectoryOffset { get; init; }

    public ulong LeafDirectoryLength { get; init; }

    public ulong TileDataOffset { get; init; }

    public ulong TileDataLength { get; init; }

    /// <summary>Tiles before run-length encoding (the sum of run lengths).</summary>
    public ulong AddressedTiles { get; init; }

    /// <summary>Entries with a run length above 0, over all directories.</summary>
    public ulong TileEntries { get; init; }

    /// <summary>Distinct tile blobs in the data section.</summary>
    public ulong TileContents { get; init; }

    public bool Clustered { get; init; }

    public TileCompression InternalCompression { get; init; }

    public TileCompression TileCompression { get; init; }

    public TileFormat TileType { get; init; }

    public byte MinZoom { get; init; }

    public byte MaxZoom { get; init; }

    public double MinLon { get; init; }

    public double MinLat { get; init; }

    public double MaxLon { get; init; }

    public double MaxLat { get; init; }

    public byte CenterZoom { get; init; }

    public double CenterLon { get; init; }

    public double CenterLat { get; init; }

    public byte[] ToBytes()
    {
        var b = new byte[Length];
        Magic.CopyTo(b);
        b[7] = Version;
        var s = b.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(s[8..], RootOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], RootLength);
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], MetadataOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[32..], MetadataLength);
        BinaryPrimitives.WriteUInt64LittleEndian(s[40..], LeafDirectoryOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[48..], LeafDirectoryLength);
        BinaryPrimitives.WriteUInt64LittleEndian(s[56..], TileDataOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(s[64..], TileDataLength);
        BinaryPrimitives.WriteUInt64LittleEndian(s[72..], AddressedTiles);
        BinaryPrimitives.WriteUInt64LittleEndian(s[80..], TileEntries);
        BinaryPrimitives.WriteUInt64LittleEndian(s[88..], TileContents);
        b[96] = Clustered ? (byte)1 : (byte)0;
        b[97] = (byte)InternalCompression;
        b[98] = (byte)TileCompression;
        b[99] = (byte)TileType;
        b[100] = MinZoom;
        b[101] = MaxZoom;
        BinaryPrimitives.WriteInt32LittleEndian(s[102..], E7(MinLon));
        BinaryPrimitives.WriteInt32LittleEndian(s[106..], E7(MinLat));
        BinaryPrimitives.WriteInt32LittleEndian(s[110..], E7(MaxLon));
        BinaryPrimitives.WriteInt32LittleEndian(s[114..], E7(MaxLat));
        b[118] = CenterZoom;
        BinaryPrimitives.WriteInt32LittleEndian(s[119..], E7(CenterLon));
        BinaryPrimitives.WriteInt32LittleEndian(s[123..], E7(CenterLat));
        return b;
    }

    /// <exception cref="InvalidDataException">Too short, not the PMTiles magic, or not version 3.</exception>
    public static PmTilesHeader Read(ReadOnlySpan<byte> b)
    {
        if (b.Length < Length || !b[..7].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a PMTiles archive (no 'PMTiles' header)");
        }

        if (b[7] != Version)
        {
            throw new InvalidDataException($"PMTiles version {b[7]}; only version 3 is read");
        }

        return new PmTilesHeader
        {
            RootOffset = BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
            RootLength = BinaryPrimitives.ReadUInt64LittleEndian(b[16..]),
            MetadataOffset = BinaryPrimitives.ReadUInt64LittleEndian(b[24..]),
            MetadataLength = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            LeafDirectoryOffset = BinaryPrimitives.ReadUInt64LittleEndian(b[40..]),
            LeafDirectoryLength = BinaryPrimitives.ReadUInt64LittleEndian(b[48..]),
            TileDataOffset = BinaryPrimitives.ReadUInt64LittleEndian(b[56..]),
            TileDataLength = BinaryPrimitives.ReadUInt64LittleEndian(b[64..]),
            AddressedTiles = BinaryPrimitives.ReadUInt64LittleEndian(b[72..]),
            TileEntries = BinaryPrimitives.ReadUInt64LittleEndian(b[80..]),
            TileContents = BinaryPrimitives.ReadUInt64LittleEndian(b[88..]),
            Clustered = b[96] == 1,
            InternalCompression = (TileCompression)b[97],
            TileCompression = (TileCompression)b[98],
            TileType = (TileFormat)b[99],
            MinZoom = b[100],
            MaxZoom = b[101],
            MinLon = BinaryPrimitives.ReadInt32LittleEndian(b[102..]) / 1e7,
            MinLat = BinaryPrimitives.ReadInt32LittleEndian(b[106..]) / 1e7,
            MaxLon = BinaryPrimitives.ReadInt32LittleEndian(b[110..]) / 1e7,
            MaxLat = BinaryPrimitives.ReadInt32LittleEndian(b[114..]) / 1e7,
            CenterZoom = b[118],
            CenterLon = BinaryPrimitives.ReadInt32LittleEndian(b[119..]) / 1e7,
            CenterLat = BinaryPrimitives.ReadInt32LittleEndian(b[123..]) / 1e7,
        };
    }

    private static int E7(double degrees) => (int)Math.Round(degrees * 1e7);
}
