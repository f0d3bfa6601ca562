using System.Text;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// The parts of a Parquet file's footer (<c>FileMetaData</c>, parquet-format's <c>parquet.thrift</c>) that a column reader
/// needs: the schema's elements in order, each row group's column chunks, and the key-value metadata. Fields this reader
/// does not use are skipped.
/// </summary>
internal sealed record ParquetFooter(IReadOnlyList<ParquetFooter.SchemaElement> Schema, IReadOnlyList<ParquetFooter.RowGroup> RowGroups, IReadOnlyList<KeyValuePair<string, string?>> KeyValues)
{
    /// <summary>Physical types (parquet.thrift <c>Type</c>).</summary>
    public const int Int32 = 1, Int64 = 2, ByteArray = 6;

    /// <summary>Repetition (<c>FieldRepetitionType</c>).</summary>
    public const int Required = 0, Optional = 1, Repeated = 2;

    private const byte I32 = ThriftCompactReader.I32, I64 = ThriftCompactReader.I64, Binary = ThriftCompactReader.Binary, List = ThriftCompactReader.List, Struct = ThriftCompactReader.Struct;

    /// <summary>One schema element; <see cref="LogicalType"/> is the field id of the LogicalType union's member (0: none).</summary>
    public sealed record SchemaElement(string Name, int? Type, int? Repetition, int? Children, int? ConvertedType, int LogicalType, int? LogicalBitWidth, bool? LogicalSigned);

    /// <summary>A column chunk: its path, physical type, codec, values, and where its pages lie.</summary>
    public sealed record ColumnChunk(IReadOnlyList<string> Path, int Type, int Codec, long Values, long CompressedBytes, long UncompressedBytes, long DataPageOffset, long? DictionaryPageOffset);

    public sealed record RowGroup(IReadOnlyList<ColumnChunk> Columns, long Rows, long TotalBytes);

    /// <summary>Reads the footer at the end of a file of <paramref name="fileLength"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The file has no footer or it does not parse.</exception>
    public static ParquetFooter Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, long fileLength)
    {
        Span<byte> tail = stackalloc byte[8];
        if (fileLength < 12 || RandomAccess.Read(file, tail, fileLength - 8) != 8 || !tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new InvalidDataException("is not a Parquet file");
        }

        var length = BitConverter.ToInt32(tail);
        if (!BitConverter.IsLittleEndian || length <= 0 || length > fileLength - 12)
        {
            throw new InvalidDataException("the footer length is out of range");
        }

        var footer = new byte[length];
        if (RandomAccess.Read(file, footer, fileLength - 8 - length) != length)
        {
            throw new InvalidDataException("the footer ends early");
        }

        return Parse(footer);
    }

    /// <summary>Parses <c>FileMetaData</c> from its compact-protocol bytes.</summary>
    public static ParquetFooter Parse(ReadOnlySpan<byte> bytes)
    {
        var r = new ThriftCompactReader(bytes);
        var schema = new List<SchemaElement>();
        var groups = new List<RowGroup>();
        var keyValues = new List<KeyValuePair<string, string?>>();
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            switch (id, type)
            {
                case (2, List):
                    ReadStructs(ref r, schema, ReadSchemaElement);
                    return true;
                case (4, List):
                    ReadStructs(ref r, groups, ReadRowGroup);
                    return true;
                case (5, List):
                    ReadStructs(ref r, keyValues, ReadKeyValue);
                    return true;
                default:
                    return false;
            }
        });
        return new ParquetFooter(schema, groups, keyValues);
    }

    private delegate T StructReader<T>(ref ThriftCompactReader r);

    private static void ReadStructs<T>(ref ThriftCompactReader r, List<T> into, StructReader<T> read)
    {
        var (elementType, count) = r.ReadListHeader();
        if (elementType != Struct)
        {
            throw new InvalidDataException("a footer list does not hold structs");
        }

        for (var i = 0; i < count; i++)
        {
            into.Add(read(ref r));
        }
    }

    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader r)
    {
        int? physical = null, repetition = null, children = null, converted = null, bitWidth = null;
        bool? signed = null;
        var logical = 0;
        string? name = null;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            switch (id, type)
            {
                case (1, I32):
                    physical = r.ReadI32();
                    return true;
                case (3, I32):
                    repetition = r.ReadI32();
                    return true;
                case (4, Binary):
                    name = Utf8(r.ReadBinary());
                    return true;
                case (5, I32):
                    children = r.ReadI32();
                    return true;
                case (6, I32):
                    converted = r.ReadI32();
                    return true;
                case (10, Struct):
                    (logical, bitWidth, signed) = ReadLogicalType(ref r);
                    return true;
                default:
                    return false;
            }
        });
        return new SchemaElement(name ?? throw new InvalidDataException("a schema element has no name"), physical, repetition, children, converted, logical, bitWidth, signed);
    }

    /// <summary>The LogicalType union: which member is set, and an INTEGER member's bit width and sign.</summary>
    private static (int Member, int? BitWidth, bool? Signed) ReadLogicalType(ref ThriftCompactReader r)
    {
        var member = 0;
        int? bitWidth = null;
        bool? signed = null;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            member = member == 0 ? id : -1; // a union holds one member; more is damage, read as "unknown"
            if (id != 10 || type != Struct)
            {
                return false;
            }

            r.ReadStruct((ref ThriftCompactReader r, short innerId, byte innerType) =>
            {
                if (innerId == 1 && innerType == ThriftCompactReader.Byte)
                {
                    bitWidth = (sbyte)r.ReadByte();
                    return true;
                }

                if (innerId == 2 && innerType is ThriftCompactReader.True or ThriftCompactReader.False)
                {
                    signed = ThriftCompactReader.BooleanOf(innerType);
                    return true;
                }

                return false;
            });
            return true;
        });
        return (member, bitWidth, signed);
    }

    private static RowGroup ReadRowGroup(ref ThriftCompactReader r)
    {
        var columns = new List<ColumnChunk>();
        long rows = -1, bytes = 0;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            switch (id, type)
            {
                case (1, List):
                    ReadStructs(ref r, columns, ReadColumnChunk);
                    return true;
                case (2, I64):
                    bytes = r.ReadI64();
                    return true;
                case (3, I64):
                    rows = r.ReadI64();
                    return true;
                default:
                    return false;
            }
        });
        return new RowGroup(columns, rows >= 0 ? rows : throw new InvalidDataException("a row group has no row count"), bytes);
    }

    private static ColumnChunk ReadColumnChunk(ref ThriftCompactReader r)
    {
        ColumnChunk? meta = null;
        var external = false;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            switch (id, type)
            {
                case (1, Binary):
                    external = r.ReadBinary().Length > 0; // file_path: the chunk lives in another file
                    return true;
                case (3, Struct):
                    meta = ReadColumnMetaData(ref r);
                    return true;
                default:
                    return false;
            }
        });
        if (external)
        {
            throw new InvalidDataException("a column chunk lives in another file");
        }

        return meta ?? throw new InvalidDataException("a column chunk has no metadata");
    }

    private static ColumnChunk ReadColumnMetaData(ref ThriftCompactReader r)
    {
        var path = new List<string>();
        int type = -1, codec = -1;
        long values = -1, compressed = -1, uncompressed = -1, dataOffset = -1;
        long? dictionaryOffset = null;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte fieldType) =>
        {
            switch (id, fieldType)
            {
                case (1, I32):
                    type = r.ReadI32();
                    return true;
                case (3, List):
                    var (elementType, count) = r.ReadListHeader();
                    if (elementType != Binary)
                    {
                        throw new InvalidDataException("a column path does not hold strings");
                    }

                    for (var i = 0; i < count; i++)
                    {
                        path.Add(Utf8(r.ReadBinary()));
                    }

                    return true;
                case (4, I32):
                    codec = r.ReadI32();
                    return true;
                case (5, I64):
                    values = r.ReadI64();
                    return true;
                case (6, I64):
                    uncompressed = r.ReadI64();
                    return true;
                case (7, I64):
                    compressed = r.ReadI64();
                    return true;
                case (9, I64):
                    dataOffset = r.ReadI64();
                    return true;
                case (11, I64):
                    dictionaryOffset = r.ReadI64();
                    return true;
                default:
                    return false;
            }
        });
        if (type < 0 || codec < 0 || values < 0 || compressed < 0 || dataOffset < 0)
        {
            throw new InvalidDataException("a column chunk's metadata lacks a required field");
        }

        return new ColumnChunk(path, type, codec, values, compressed, uncompressed, dataOffset, dictionaryOffset);
    }

    private static KeyValuePair<string, string?> ReadKeyValue(ref ThriftCompactReader r)
    {
        string? key = null, value = null;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte type) =>
        {
            if (id is not (1 or 2) || type != Binary)
            {
                return false;
            }

            var text = Utf8(r.ReadBinary());
            (key, value) = id == 1 ? (text, value) : (key, text);
            return true;
        });
        return new(key ?? throw new InvalidDataException("a key-value entry has no key"), value);
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
