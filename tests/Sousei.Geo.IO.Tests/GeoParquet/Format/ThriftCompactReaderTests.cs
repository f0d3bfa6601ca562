using System.Text;
using Sousei.Geo.IO.GeoParquet.Format;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>Thrift's compact protocol on structures encoded by hand (field header = id delta &lt;&lt; 4 | type; zigzag varints).</summary>
public sealed class ThriftCompactReaderTests
{
    [Fact]
    public void A_struct_of_an_i32_a_string_and_a_long_field_id_reads_back()
    {
        // field 1 i32 = 5: header 0x15, zigzag(5) = 10; field 4 binary "ab": delta 3 → 0x38, length 2;
        // field 300 i64 = -3: delta too large → header 0x06 then zigzag(300) = 600 = 0xD8 0x04, zigzag(-3) = 5; stop.
        byte[] bytes = [0x15, 0x0A, 0x38, 0x02, (byte)'a', (byte)'b', 0x06, 0xD8, 0x04, 0x05, 0x00];
        var r = new ThriftCompactReader(bytes);
        var (id, type) = r.ReadFieldHeader(0);
        Assert.Equal((1, ThriftCompactReader.I32), (id, type));
        Assert.Equal(5, r.ReadI32());
        (id, type) = r.ReadFieldHeader(id);
        Assert.Equal((4, ThriftCompactReader.Binary), (id, type));
        Assert.Equal("ab", Encoding.UTF8.GetString(r.ReadBinary()));
        (id, type) = r.ReadFieldHeader(id);
        Assert.Equal((300, ThriftCompactReader.I64), (id, type));
        Assert.Equal(-3L, r.ReadI64());
        Assert.Equal(ThriftCompactReader.Stop, r.ReadFieldHeader(id).Type);
        Assert.Equal(bytes.Length, r.Position);
    }

    [Fact]
    public void Skip_passes_over_nested_structs_lists_maps_and_booleans()
    {
        // A struct { 1: list<i32> [1, -1], 2: true, 3: struct { 1: double }, 4: map<i32, binary> {1: "x"} } then field 5 i32 = 7.
        byte[] nested =
        [
            0x19, 0x25, 0x02, 0x01, // field 1 list: 2 elements of i32: zigzag 2, 1
            0x11, // field 2 true
            0x1C, 0x17, 1, 2, 3, 4, 5, 6, 7, 8, 0x00, // field 3 struct { field 1 double }, stop
            0x1B, 0x01, 0x58, 0x02, 0x01, (byte)'x', // field 4 map: 1 entry, i32 → binary
            0x00, // stop
        ];
        byte[] bytes = [0x1C, .. nested, 0x45, 0x0E, 0x00];
        var r = new ThriftCompactReader(bytes);
        var (id, type) = r.ReadFieldHeader(0);
        Assert.Equal(ThriftCompactReader.Struct, type);
        r.Skip(type);
        (id, type) = r.ReadFieldHeader(id);
        Assert.Equal((5, ThriftCompactReader.I32), (id, type));
        Assert.Equal(7, r.ReadI32());
    }

    [Fact]
    public void Truncated_structures_and_deep_nesting_are_invalid_data_not_crashes()
    {
        Assert.Throws<InvalidDataException>(() => new ThriftCompactReader([0x18, 0x05, (byte)'a']).Skip(ThriftCompactReader.Struct)); // binary of 5, 1 byte left
        Assert.Throws<InvalidDataException>(() => new ThriftCompactReader([0x19, 0xF5, 0xFF, 0xFF, 0xFF, 0x0F]).Skip(ThriftCompactReader.Struct)); // a list claiming 2^28 - 1 elements
        var deep = Enumerable.Repeat((byte)0x1C, 10_000).ToArray(); // struct in struct in struct …
        Assert.Throws<InvalidDataException>(() => new ThriftCompactReader(deep).Skip(ThriftCompactReader.Struct));
    }
}
