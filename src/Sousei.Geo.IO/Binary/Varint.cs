namespace Sousei.Geo.IO.Binary;

/// <summary>
/// Unsigned LEB128 varints (the protobuf encoding, used by PMTiles v3 directories, Thrift's compact protocol and Parquet's
/// hybrid encoding): seven bits a byte, least significant group first, the high bit set on every byte but the last.
/// </summary>
internal static class Varint
{
    public static void Write(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    /// <summary>Reads one varint at <paramref name="position"/> and moves past it.</summary>
    /// <exception cref="InvalidDataException">The bytes end inside the varint, or it is longer than 64 bits.</exception>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("a varint runs past the end of its data");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a varint is longer than 64 bits");
    }
}
