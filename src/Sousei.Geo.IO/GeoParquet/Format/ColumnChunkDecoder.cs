using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// Decodes one flat column chunk (parquet-format: pages, encodings, compression) of the kinds GeoParquet writers produce:
/// data pages v1 and v2 and a dictionary page; PLAIN and dictionary (PLAIN_DICTIONARY, RLE_DICTIONARY) values of INT32,
/// INT64 and BYTE_ARRAY, DELTA_BINARY_PACKED integers and DELTA_LENGTH_BYTE_ARRAY binaries; RLE definition levels of a required or optional column; no compression, Snappy, gzip or Zstd.
/// Anything else is <see cref="NotSupportedException"/> (the caller reads such a file another way); a chunk that does not
/// decode is <see cref="InvalidDataException"/>. Thread-safe: no state.
/// </summary>
internal static class ColumnChunkDecoder
{
    private const int DataPage = 0, DictionaryPage = 2, DataPageV2 = 3;
    private const int Plain = 0, PlainDictionary = 2, Rle = 3, DeltaBinaryPackedEncoding = 5, DeltaLengthByteArray = 6, RleDictionary = 8;
    private const int Uncompressed = 0, Snappy = 1, Gzip = 2, Zstd = 6;

    /// <summary>Whether the codec is one this decoder reads.</summary>
    public static bool Reads(int codec) => codec is Uncompressed or Snappy or Gzip or Zstd;

    /// <summary>An INT32 or INT64 column's rows, widened to long (null: a null row).</summary>
    public static long?[] Integers(ReadOnlySpan<byte> chunk, ParquetFooter.ColumnChunk column, bool optional, int rows)
    {
        var width = column.Type switch
        {
            ParquetFooter.Int32 => 4,
            ParquetFooter.Int64 => 8,
            _ => throw new NotSupportedException($"physical type {column.Type} is not an integer"),
        };
        var result = new long?[rows];
        long[]? dictionary = null;
        var row = 0;
        Walk(chunk, column, optional, rows, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (kind, encoding, count, values, definitions) =>
        {
            if (kind == DictionaryPage)
            {
                dictionary = new long[count];
                for (var i = 0; i < count; i++)
                {
                    dictionary[i] = ReadInteger(values, i * width, width);
                }

                return;
            }

            if (encoding == DeltaLengthByteArray)
            {
                throw new NotSupportedException("DELTA_LENGTH_BYTE_ARRAY is a binary encoding");
            }

            var indices = encoding is PlainDictionary or RleDictionary ? DictionaryIndices(values, count, definitions) : null;
            var deltas = encoding == DeltaBinaryPackedEncoding ? DeltaBinaryPacked.Decode(values, Present(count, definitions), width == 4, out _) : null;
            var next = 0;
            for (var i = 0; i < count; i++, row++)
            {
                if (definitions is not null && definitions[i] == 0)
                {
                    continue;
                }

                if (deltas is not null)
                {
                    result[row] = deltas[next];
                }
                else if (indices is null)
                {
                    result[row] = ReadInteger(values, next * width, width);
                }
                else
                {
                    var index = indices[next];
                    result[row] = dictionary is not null && (uint)index < (uint)dictionary.Length ? dictionary[index] : throw new InvalidDataException("a dictionary index is out of range");
                }

                next++;
            }
        });
        return result;
    }

    /// <summary>A BYTE_ARRAY column's rows copied into one buffer (see <see cref="BinaryColumn"/>).</summary>
    public static BinaryColumn Binary(ReadOnlySpan<byte> chunk, ParquetFooter.ColumnChunk column, bool optional, int rows)
    {
        if (column.Type != ParquetFooter.ByteArray)
        {
            throw new NotSupportedException($"physical type {column.Type} is not BYTE_ARRAY");
        }

        var result = new BinaryColumn(rows);
        byte[]? dictionary = null;
        int[]? dictionaryOffsets = null;
        var row = 0;
        Walk(chunk, column, optional, rows, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (kind, encoding, count, values, definitions) =>
        {
            if (kind == DictionaryPage)
            {
                dictionary = values.ToArray();
                dictionaryOffsets = new int[count + 1];
                var at = 0;
                for (var i = 0; i < count; i++)
                {
                    at = SkipPlainBinary(values, at);
                    dictionaryOffsets[i + 1] = at;
                }

                return;
            }

            if (encoding == DeltaBinaryPackedEncoding)
            {
                throw new NotSupportedException("DELTA_BINARY_PACKED is an integer encoding");
            }

            var indices = encoding is PlainDictionary or RleDictionary ? DictionaryIndices(values, count, definitions) : null;
            int[]? lengths = null;
            var position = 0;
            if (encoding == DeltaLengthByteArray)
            {
                // The lengths, delta-encoded, then every value's bytes one after the other.
                var decoded = DeltaBinaryPacked.Decode(values, Present(count, definitions), true, out position);
                lengths = new int[decoded.Length];
                for (var k = 0; k < decoded.Length; k++)
                {
                    lengths[k] = decoded[k] is >= 0 and <= int.MaxValue ? (int)decoded[k] : throw new InvalidDataException("a binary value's length is negative");
                }
            }

            var next = 0;
            for (var i = 0; i < count; i++, row++)
            {
                if (definitions is not null && definitions[i] == 0)
                {
                    result.SetNull(row);
                    continue;
                }

                if (lengths is not null)
                {
                    var length = lengths[next];
                    if (length > values.Length - position)
                    {
                        throw new InvalidDataException("a binary value runs past its page");
                    }

                    result.Set(row, values.Slice(position, length));
                    position += length;
                }
                else if (indices is null)
                {
                    var end = SkipPlainBinary(values, position);
                    result.Set(row, values[(position + 4)..end]);
                    position = end;
                }
                else
                {
                    var index = indices[next];
                    if (dictionary is null || (uint)index >= (uint)(dictionaryOffsets!.Length - 1))
                    {
                        throw new InvalidDataException("a dictionary index is out of range");
                    }

                    result.Set(row, dictionary.AsSpan((dictionaryOffsets[index] + 4)..dictionaryOffsets[index + 1]));
                }

                next++;
            }
        });
        return result;
    }

    private delegate void PageHandler(int kind, int encoding, int count, ReadOnlySpan<byte> values, byte[]? definitions);

    /// <summary>
    /// Walks the chunk's pages: each dictionary page, then each data page with its values section (decompressed) and, for
    /// an optional column, one definition level per value slot (1: a value, 0: null); checks the pages cover
    /// <paramref name="rows"/> exactly.
    /// </summary>
    private static void Walk(ReadOnlySpan<byte> chunk, ParquetFooter.ColumnChunk column, bool optional, int rows, PageHandler handle)
    {
        if (!Reads(column.Codec))
        {
            throw new NotSupportedException($"compression codec {column.Codec}");
        }

        if (column.Values != rows)
        {
            throw new InvalidDataException($"the column chunk holds {column.Values} values for {rows} rows");
        }

        var position = 0;
        var seen = 0;
        while (seen < rows)
        {
            var header = PageHeader.Read(chunk[position..]);
            position += header.HeaderBytes;
            if (header.CompressedBytes < 0 || header.CompressedBytes > chunk.Length - position || header.UncompressedBytes < 0)
            {
                throw new InvalidDataException("a page runs past its column chunk");
            }

            var body = chunk.Slice(position, header.CompressedBytes);
            position += header.CompressedBytes;
            switch (header.Type)
            {
                case DictionaryPage:
                    if (header.Encoding is not (Plain or PlainDictionary))
                    {
                        throw new NotSupportedException($"dictionary page encoding {header.Encoding}");
                    }

                    WithDecompressed(body, header.UncompressedBytes, column.Codec, values => handle(DictionaryPage, Plain, header.Values, values, null));
                    break;
                case DataPage:
                    CheckValueEncoding(header.Encoding);
                    if (header.Values < 0 || header.Values > rows - seen)
                    {
                        throw new InvalidDataException("a data page holds more values than the row group has rows");
                    }

                    if (optional && header.DefinitionEncoding != Rle)
                    {
                        throw new NotSupportedException($"definition level encoding {header.DefinitionEncoding}");
                    }

                    WithDecompressed(body, header.UncompressedBytes, column.Codec, page =>
                    {
                        byte[]? definitions = null;
                        if (optional)
                        {
                            if (page.Length < 4)
                            {
                                throw new InvalidDataException("a data page ends before its definition levels");
                            }

                            var length = BinaryPrimitives.ReadInt32LittleEndian(page);
                            if (length < 0 || length > page.Length - 4)
                            {
                                throw new InvalidDataException("the definition levels run past their page");
                            }

                            definitions = Levels(page.Slice(4, length), header.Values);
                            page = page[(4 + length)..];
                        }

                        handle(DataPage, header.Encoding, header.Values, page, definitions);
                    });
                    seen += header.Values;
                    break;
                case DataPageV2:
                    CheckValueEncoding(header.Encoding);
                    if (header.Values < 0 || header.Values > rows - seen || header.RepetitionBytes != 0
                        || header.DefinitionBytes < 0 || header.DefinitionBytes > body.Length || (!optional && header.DefinitionBytes != 0))
                    {
                        throw new InvalidDataException("a v2 data page's levels do not fit a flat column");
                    }

                    var v2Definitions = optional ? Levels(body[..header.DefinitionBytes], header.Values) : null;
                    var valuesBody = body[header.DefinitionBytes..];
                    var valuesBytes = header.UncompressedBytes - header.DefinitionBytes;
                    if (header.Compressed)
                    {
                        WithDecompressed(valuesBody, valuesBytes, column.Codec, values => handle(DataPage, header.Encoding, header.Values, values, v2Definitions));
                    }
                    else
                    {
                        handle(DataPage, header.Encoding, header.Values, valuesBody, v2Definitions);
                    }

                    seen += header.Values;
                    break;
                default:
                    break; // index pages carry no values
            }
        }
    }

    private static void CheckValueEncoding(int encoding)
    {
        if (encoding is not (Plain or PlainDictionary or RleDictionary or DeltaBinaryPackedEncoding or DeltaLengthByteArray))
        {
            throw new NotSupportedException($"value encoding {encoding}");
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> bytes);

    private static void WithDecompressed(ReadOnlySpan<byte> body, int uncompressedBytes, int codec, SpanAction use)
    {
        if (codec == Uncompressed)
        {
            use(body);
            return;
        }

        // Deflate expands at most about 1,032 times and Snappy far less: a page claiming more is damage, not data, and is
        // refused before a buffer is taken for it.
        if (uncompressedBytes < 0 || uncompressedBytes > Math.Max(1L << 20, body.Length * 1100L) || uncompressedBytes > InputFiles.MaxBytes)
        {
            throw new InvalidDataException("a page's uncompressed size is out of range");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, uncompressedBytes));
        try
        {
            var output = buffer.AsSpan(0, uncompressedBytes);
            if (codec == Snappy)
            {
                if (Snappier.Snappy.GetUncompressedLength(body) != uncompressedBytes || Snappier.Snappy.Decompress(body, output) != uncompressedBytes)
                {
                    throw new InvalidDataException("a Snappy page does not expand to its stated size");
                }
            }
            else if (codec == Zstd)
            {
                try
                {
                    var zstd = t_zstd ??= new ZstdSharp.Decompressor();
                    if (!zstd.TryUnwrap(body, output, out var written) || written != uncompressedBytes)
                    {
                        throw new InvalidDataException("a Zstd page does not expand to its stated size");
                    }
                }
                catch (ZstdSharp.ZstdException e)
                {
                    t_zstd = null; // its state after a failure is not to be trusted
                    throw new InvalidDataException($"a Zstd page does not decode ({e.Message})", e);
                }
            }
            else
            {
                using var source = new MemoryStream(body.ToArray()); // gzip is rare in GeoParquet: a copy costs nothing that matters
                using var gzip = new GZipStream(source, CompressionMode.Decompress);
                gzip.ReadExactly(output);
                if (gzip.ReadByte() != -1)
                {
                    throw new InvalidDataException("a gzip page expands past its stated size");
                }
            }

            use(output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One Zstd decompressor per thread (it holds a context worth reusing across pages).</summary>
    [ThreadStatic]
    private static ZstdSharp.Decompressor? t_zstd;

    /// <summary>Definition levels of a flat optional column (bit width 1) from the RLE/bit-packed hybrid encoding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Levels(ReadOnlySpan<byte> encoded, int count)
    {
        var levels = new int[count];
        Hybrid.Decode(encoded, 1, levels);
        var result = new byte[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = levels[i] switch
            {
                0 => 0,
                1 => 1,
                _ => throw new InvalidDataException("a definition level is above the column's maximum"),
            };
        }

        return result;
    }

    /// <summary>The values a page holds: its slots less its nulls.</summary>
    private static int Present(int count, byte[]? definitions) => definitions is null ? count : count - definitions.Count(d => d == 0);

    /// <summary>The dictionary indices of a page: a bit-width byte, then the hybrid encoding, one index per non-null value.</summary>
    private static int[] DictionaryIndices(ReadOnlySpan<byte> values, int count, byte[]? definitions)
    {
        var present = Present(count, definitions);
        var indices = new int[present];
        if (present == 0)
        {
            return indices;
        }

        if (values.Length < 1 || values[0] > 32)
        {
            throw new InvalidDataException("a dictionary page's bit width is out of range");
        }

        Hybrid.Decode(values[1..], values[0], indices);
        return indices;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipPlainBinary(ReadOnlySpan<byte> values, int at)
    {
        if (at > values.Length - 4)
        {
            throw new InvalidDataException("a binary value's length runs past its page");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(values[at..]);
        if (length < 0 || length > values.Length - at - 4)
        {
            throw new InvalidDataException("a binary value runs past its page");
        }

        return at + 4 + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ReadInteger(ReadOnlySpan<byte> values, int at, int width)
    {
        if (at > values.Length - width)
        {
            throw new InvalidDataException("the values run past their page");
        }

        return width == 8 ? BinaryPrimitives.ReadInt64LittleEndian(values[at..]) : BinaryPrimitives.ReadInt32LittleEndian(values[at..]);
    }
}
