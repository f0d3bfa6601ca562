using System.Runtime.CompilerServices;
using Sousei.Geo.IO.Binary;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// Parquet's DELTA_BINARY_PACKED encoding (parquet-format Encodings.md): a header (values per block, miniblocks per block,
/// the value count, the first value), then blocks of a minimum delta and miniblocks of bit-packed deltas above it, each
/// miniblock with a bit width of its own. Arithmetic wraps in the column's width, as writers compute it.
/// </summary>
internal static class DeltaBinaryPacked
{
    /// <summary>Decodes <paramref name="count"/> values; <paramref name="consumed"/> receives the bytes read (DELTA_LENGTH_BYTE_ARRAY's data follows).</summary>
    /// <exception cref="InvalidDataException">The header or a block does not fit, or it holds another number of values.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long[] Decode(ReadOnlySpan<byte> data, int count, bool int32, out int consumed)
    {
        var p = 0;
        var blockValues = Varint.Read(data, ref p);
        var miniblocks = Varint.Read(data, ref p);
        var total = Varint.Read(data, ref p);
        var first = Zigzag(Varint.Read(data, ref p));
        if (blockValues == 0 || blockValues % 128 != 0 || miniblocks == 0 || blockValues % miniblocks != 0 || blockValues / miniblocks % 32 != 0
            || blockValues > 1 << 20 || total != (ulong)count)
        {
            throw new InvalidDataException("a DELTA_BINARY_PACKED header is out of range or holds another number of values");
        }

        var perMiniblock = (int)(blockValues / miniblocks);
        var result = new long[count];
        if (count == 0)
        {
            consumed = p;
            return result;
        }

        result[0] = int32 ? (int)first : first;
        var filled = 1;
        var last = result[0];
        while (filled < count)
        {
            var minDelta = Zigzag(Varint.Read(data, ref p));
            if ((ulong)(data.Length - p) < miniblocks)
            {
                throw new InvalidDataException("a DELTA_BINARY_PACKED block ends before its bit widths");
            }

            var widths = data.Slice(p, (int)miniblocks);
            p += (int)miniblocks;
            for (var m = 0; m < widths.Length && filled < count; m++)
            {
                int width = widths[m];
                if (width > (int32 ? 32 : 64))
                {
                    throw new InvalidDataException("a DELTA_BINARY_PACKED bit width is too wide");
                }

                var bytes = perMiniblock * width / 8; // a whole miniblock, padding included
                if (bytes > data.Length - p)
                {
                    // The last miniblock may end with the data; what it lacks must be padding beyond the values.
                    bytes = data.Length - p;
                }

                var packed = data.Slice(p, bytes);
                p += bytes;
                var take = Math.Min(perMiniblock, count - filled);
                if ((long)take * width > (long)packed.Length * 8)
                {
                    throw new InvalidDataException("a DELTA_BINARY_PACKED miniblock ends early");
                }

                for (var j = 0; j < take; j++)
                {
                    var delta = unchecked((long)Bits(packed, (long)j * width, width));
                    last = int32 ? unchecked((int)(last + minDelta + delta)) : unchecked(last + minDelta + delta);
                    result[filled++] = last;
                }
            }
        }

        consumed = p;
        return result;
    }

    private static long Zigzag(ulong u) => (long)(u >> 1) ^ -(long)(u & 1);

    /// <summary><paramref name="width"/> bits (0–64) from <paramref name="bit"/> on, least significant bit first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(ReadOnlySpan<byte> packed, long bit, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        ulong value = 0;
        var got = 0;
        var at = (int)(bit >> 3);
        var shift = (int)(bit & 7);
        while (got < width)
        {
            value |= ((ulong)packed[at++] >> shift) << got;
            got += 8 - shift;
            shift = 0;
        }

        return width == 64 ? value : value & ((1UL << width) - 1);
    }
}
