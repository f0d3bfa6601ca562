using Sousei.Geo.IO.Binary;

namespace Sousei.Geo.IO.GeoParquet.Format;

/// <summary>
/// Reads Apache Thrift's compact protocol (the encoding of Parquet's footer and page headers, Thrift
/// <c>TCompactProtocol</c>): field headers with id deltas, zigzag varints, length-prefixed binary, lists and nested
/// structs. Every read is bounds-checked and nesting is capped, so a damaged or hostile footer ends in an
/// <see cref="InvalidDataException"/>, never an overrun or a stack overflow.
/// </summary>
internal ref struct ThriftCompactReader
{
    /// <summary>Compact-protocol type ids (low nibble of a field header, or a list's element type).</summary>
    public const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ThriftCompactReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes read so far (a page header's length).</summary>
    public readonly int Position => _position;

    /// <summary>The next field of the current struct: its id and type; type <see cref="Stop"/> at the struct's end.</summary>
    /// <remarks><paramref name="lastId"/> is the previous field's id in this struct (0 at its start), as the deltas need.</remarks>
    public (short Id, byte Type) ReadFieldHeader(short lastId)
    {
        var header = ReadByte();
        var type = (byte)(header & 0x0F);
        if (type == Stop)
        {
            return (0, Stop);
        }

        var delta = header >> 4;
        var id = delta != 0 ? (short)(lastId + delta) : checked((short)ReadZigzag32());
        return (id, type);
    }

    /// <summary>
    /// Reads a struct's fields to its stop: each goes to <paramref name="field"/>, and one it does not take (returns
    /// false) is skipped, nested values and all.
    /// </summary>
    public void ReadStruct(FieldReader field)
    {
        short last = 0;
        while (true)
        {
            var (id, type) = ReadFieldHeader(last);
            if (type == Stop)
            {
                return;
            }

            if (!field(ref this, id, type))
            {
                Skip(type);
            }

            last = id;
        }
    }

    /// <summary>A boolean field's value, carried in its header's type.</summary>
    public static bool BooleanOf(byte type) => type == True;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Truncated();
        }

        return _data[_position++];
    }

    public int ReadI32() => ReadZigzag32();

    public long ReadI64() => ReadZigzag64();

    /// <summary>A binary or string value: a varint length, then the bytes (a slice of the input).</summary>
    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint64();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Truncated();
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    /// <summary>A list's header: its element type and count.</summary>
    public (byte ElementType, int Count) ReadListHeader()
    {
        var header = ReadByte();
        var count = header >> 4;
        var size = count == 15 ? ReadVarint64() : (ulong)count;

        // Every element takes at least one byte, so a count beyond the bytes left is damage, not a long list.
        if (size > (ulong)(_data.Length - _position))
        {
            throw new InvalidDataException($"a Thrift list claims {size} elements with {_data.Length - _position} bytes left");
        }

        return ((byte)(header & 0x0F), (int)size);
    }

    /// <summary>Skips a value of <paramref name="type"/> (a field this reader does not use), nested ones included.</summary>
    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"Thrift structures nest deeper than {MaxDepth} levels");
        }

        switch (type)
        {
            case True or False:
                return;
            case Byte:
                ReadByte();
                return;
            case I16 or I32 or I64:
                ReadVarint64();
                return;
            case Double:
                Advance(8);
                return;
            case Binary:
                ReadBinary();
                return;
            case List or Set:
                var (elementType, count) = ReadListHeader();
                for (var i = 0; i < count; i++)
                {
                    // Booleans in a list take a byte each, unlike boolean fields.
                    if (elementType is True or False)
                    {
                        ReadByte();
                    }
                    else
                    {
                        Skip(elementType, depth + 1);
                    }
                }

                return;
            case Map:
                var entries = ReadVarint64();
                if (entries == 0)
                {
                    return;
                }

                if (entries > (ulong)(_data.Length - _position))
                {
                    throw Truncated();
                }

                var kinds = ReadByte();
                for (ulong i = 0; i < entries; i++)
                {
                    Skip((byte)(kinds >> 4), depth + 1);
                    Skip((byte)(kinds & 0x0F), depth + 1);
                }

                return;
            case Struct:
                short last = 0;
                while (true)
                {
                    var (id, fieldType) = ReadFieldHeader(last);
                    if (fieldType == Stop)
                    {
                        return;
                    }

                    Skip(fieldType, depth + 1);
                    last = id;
                }

            default:
                throw new InvalidDataException($"unknown Thrift compact type {type}");
        }
    }

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Truncated();
        }

        _position += count;
    }

    private int ReadZigzag32()
    {
        var v = ReadVarint64();
        if (v > uint.MaxValue)
        {
            throw new InvalidDataException("a Thrift 32-bit integer is out of range");
        }

        var u = (uint)v;
        return (int)(u >> 1) ^ -(int)(u & 1);
    }

    private long ReadZigzag64()
    {
        var u = ReadVarint64();
        return (long)(u >> 1) ^ -(long)(u & 1);
    }

    private ulong ReadVarint64() => Varint.Read(_data, ref _position);

    private static InvalidDataException Truncated() => new("the Thrift structure ends early");
}

/// <summary>Takes one field of a struct being read (<see cref="ThriftCompactReader.ReadStruct"/>); false leaves it to be skipped.</summary>
internal delegate bool FieldReader(ref ThriftCompactReader reader, short id, byte type);
