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
        short last = 0;
        while (true)
        {
            var (id, fieldType) = r.ReadFieldHeader(last);
            if (fieldType == ThriftCompactReader.Stop)
            {
                break;
            }

            switch (id, fieldType)
            {
                case (1, ThriftCompactReader.I32):
                    type = r.ReadI32();
                    break;
                case (2, ThriftCompactReader.I32):
                    uncompressed = r.ReadI32();
                    break;
                case (3, ThriftCompactReader.I32):
                    compressed = r.ReadI32();
                    break;
                case (5 or 7 or 8, ThriftCompactReader.Struct):
                    var v2 = id == 8;
                    short lastInner = 0;
                    while (true)
                    {
                        var (innerId, innerType) = r.ReadFieldHeader(lastInner);
                        if (innerType == ThriftCompactReader.Stop)
                        {
                            break;
                        }

                        switch (innerId, innerType, v2)
                        {
                            case (1, ThriftCompactReader.I32, _):
                                values = r.ReadI32();
                                break;
                            case (2, ThriftCompactReader.I32, false):
                            case (4, ThriftCompactReader.I32, true):
                                encoding = r.ReadI32();
                                break;
                            case (3, ThriftCompactReader.I32, false) when id == 5:
                                definitionEncoding = r.ReadI32();
                                break;
                            case (5, ThriftCompactReader.I32, true):
                                definitionBytes = r.ReadI32();
                                break;
                            case (6, ThriftCompactReader.I32, true):
                                repetitionBytes = r.ReadI32();
                                break;
                            case (7, ThriftCompactReader.True or ThriftCompactReader.False, true):
                                isCompressed = ThriftCompactReader.BooleanOf(innerType);
                                break;
                            default:
                                r.Skip(innerType);
                                break;
                        }

                        lastInner = innerId;
                    }

                    break;
                default:
                    r.Skip(fieldType);
                    break;
            }

            last = id;
        }

        if (type < 0 || uncompressed < 0 || compressed < 0 || (type is 0 or 2 or 3 && (values < 0 || encoding < 0)))
        {
            throw new InvalidDataException("a page header lacks a required field");
        }

        return new PageHeader(type, uncompressed, compressed, values, encoding, definitionEncoding, definitionBytes, repetitionBytes, isCompressed, r.Position);
    }
}
