namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// A page's header (parquet.thrift <c>PageHeader</c> with its <c>DataPageHeader</c>, <c>DictionaryPageHeader</c> or
/// <c>DataPageHeaderV2</c>), the fields a flat-column reader needs.
/// </summary>
internal readonly record struct PageHeader(int Type, int UncompressedBytes, int CompressedBytes, int Values, int Encoding, int DefinitionEncoding, int DefinitionBytes, int RepetitionBytes, bool Compressed, int HeaderBytes)
{
    /// <summary>Reads the header at the start of <paramref name="bytes"/>; <see cref="HeaderBytes"/> says how long it was.</summary>
    /// <exception cref="InvalidDataException">It does not parse or lacks a required field.</exception>
    public static PageHeader Read(ReadOnlySpan<byte> bytes)
    {
        var r = new ThriftCompactReader(bytes);
        int type = -1, uncompressed = -1, compressed = -1, values = -1, encoding = -1, definitionEncoding = -1, definitionBytes = 0, repetitionBytes = 0;
        var isCompressed = true;
        r.ReadStruct((ref ThriftCompactReader r, short id, byte fieldType) =>
        {
            switch (id, fieldType)
            {
                case (1, ThriftCompactReader.I32):
                    type = r.ReadI32();
                    return true;
                case (2, ThriftCompactReader.I32):
                    uncompressed = r.ReadI32();
                    return true;
                case (3, ThriftCompactReader.I32):
                    compressed = r.ReadI32();
                    return true;
                case (5 or 7 or 8, ThriftCompactReader.Struct):
                    // DataPageHeader (5), DictionaryPageHeader (7) or DataPageHeaderV2 (8).
                    var header = id;
                    r.ReadStruct((ref ThriftCompactReader r, short innerId, byte innerType) =>
                    {
                        switch (innerId, innerType, header)
                        {
                            case (1, ThriftCompactReader.I32, _):
                                values = r.ReadI32();
                                return true;
                            case (2, ThriftCompactReader.I32, 5 or 7):
                            case (4, ThriftCompactReader.I32, 8):
                                encoding = r.ReadI32();
                                return true;
                            case (3, ThriftCompactReader.I32, 5):
                                definitionEncoding = r.ReadI32();
                                return true;
                            case (5, ThriftCompactReader.I32, 8):
                                definitionBytes = r.ReadI32();
                                return true;
                            case (6, ThriftCompactReader.I32, 8):
                                repetitionBytes = r.ReadI32();
                                return true;
                            case (7, ThriftCompactReader.True or ThriftCompactReader.False, 8):
                                isCompressed = ThriftCompactReader.BooleanOf(innerType);
                                return true;
                            default:
                                return false;
                        }
                    });
                    return true;
                default:
                    return false;
            }
        });

        if (type < 0 || uncompressed < 0 || compressed < 0 || (type is 0 or 2 or 3 && (values < 0 || encoding < 0)))
        {
            throw new InvalidDataException("a page header lacks a required field");
        }

        return new PageHeader(type, uncompressed, compressed, values, encoding, definitionEncoding, definitionBytes, repetitionBytes, isCompressed, r.Position);
    }
}
