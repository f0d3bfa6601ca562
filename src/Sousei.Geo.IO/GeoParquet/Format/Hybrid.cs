using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Sousei.Geo.IO.Binary;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// Parquet's RLE / bit-packed hybrid encoding (parquet-format Encodings.md): runs of a repeated value, and groups of eight
/// values packed least-significant bit first, each introduced by a ULEB128 header.
/// </summary>
internal static class Hybrid
{
    /// <summary>Decodes <paramref name="into"/>.Length values of <paramref name="bitWidth"/> bits (0–32).</summary>
    /// <exception cref="InvalidDataException">The runs end before that many values.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> encoded, int bitWidth, Span<int> into)
    {
        var position = 0;
        var filled = 0;
        var valueBytes = (bitWidth + 7) / 8;
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        while (filled < into.Length)
        {
            var header = Varint.Read(encoded, ref position);
            if ((header & 1) == 0)
            {
                var run = header >> 1;
                if (valueBytes > encoded.Length - position)
                {
                    throw new InvalidDataException("an RLE run ends early");
                }

                uint value = 0;
                for (var b = 0; b < valueBytes; b++)
                {
                    value |= (uint)encoded[position + b] << (8 * b);
                }

                position += valueBytes;
                var count = (int)Math.Min(run, (ulong)(into.Length - filled));
                into.Slice(filled, count).Fill((int)value);
                filled += count;
            }
            else
            {
                var groups = Math.Min(header >> 1, (ulong)int.MaxValue);
                var bytes = groups * (ulong)bitWidth; // eight values of bitWidth bits: bitWidth bytes per group
                if (bytes > (ulong)(encoded.Length - position))
                {
                    // A last bit-packed run may be cut after the values it holds (writers pad to the group).
                    bytes = (ulong)(encoded.Length - position);
                }

                var packed = encoded.Slice(position, (int)bytes);
                position += (int)bytes;
                var count = (int)Math.Min(groups * 8, (ulong)(into.Length - filled));
                if (bitWidth == 0)
                {
                    into.Slice(filled, count).Clear();
                }
                else
                {
                    if ((long)count * bitWidth > (long)packed.Length * 8)
                    {
                        throw new InvalidDataException("a bit-packed run ends early");
                    }

                    for (var i = 0; i < count; i++)
                    {
                        var bit = (long)i * bitWidth;
                        var at = (int)(bit >> 3);
                        var shift = (int)(bit & 7);
                        ulong word = 0;
                        var take = Math.Min(8, packed.Length - at);
                        if (take == 8)
                        {
                            word = BinaryPrimitives.ReadUInt64LittleEndian(packed[at..]);
                        }
                        else
                        {
                            for (var b = 0; b < take; b++)
                            {
                                word |= (ulong)packed[at + b] << (8 * b);
                            }
                        }

                        into[filled + i] = (int)((uint)(word >> shift) & mask);
                    }
                }

                filled += count;
            }
        }
    }
}
