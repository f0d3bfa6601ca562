using Sousei.Geo.IO.GeoParquet.Format;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>DELTA_BINARY_PACKED on the two examples of parquet-format's Encodings.md, encoded by hand.</summary>
public sealed class DeltaBinaryPackedTests
{
    [Fact]
    public void One_to_five_is_a_first_value_and_a_minimum_delta_of_one_with_no_bits()
    {
        // Header: 128 values a block (0x80 0x01), 4 miniblocks, 5 values, first value zigzag(1) = 2; one block: minimum
        // delta zigzag(1) = 2 and four bit widths of 0, so no miniblock bytes: 10 bytes in all.
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00];
        Assert.Equal([1L, 2, 3, 4, 5], DeltaBinaryPacked.Decode(data, 5, int32: true, out var consumed));
        Assert.Equal(10, consumed);
    }

    [Fact]
    public void Seven_five_three_one_then_up_to_five_packs_deltas_above_the_minimum_in_two_bits()
    {
        // Deltas −2, −2, −2, 1, 1, 1, 1: minimum −2 (zigzag 3), so 0, 0, 0, 3, 3, 3, 3 in 2 bits, LSB first: 0xC0, 0x3F, then
        // zeros to fill the miniblock of 32 values (8 bytes). Header 5 bytes (first value zigzag(7) = 14), block 1 + 4 + 8.
        byte[] data = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0, 0xAA];
        Assert.Equal([7L, 5, 3, 1, 2, 3, 4, 5], DeltaBinaryPacked.Decode(data, 8, int32: false, out var consumed));
        Assert.Equal(18, consumed); // the byte after the block (0xAA) is not the encoding's
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x01, 0x04, 0x05 })] // the header ends before the first value
    [InlineData(new byte[] { 0x80, 0x01, 0x04, 0x06, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00 })] // claims 6 values for 5
    [InlineData(new byte[] { 0x80, 0x01, 0x04, 0x05, 0x0E, 0x03, 0x02, 0x00 })] // two of the four bit widths
    [InlineData(new byte[] { 0x7F, 0x04, 0x05, 0x02, 0x02 })] // 127 values a block: not a multiple of 128
    public void Encodings_that_do_not_fit_are_invalid_data(byte[] data)
    {
        Assert.Throws<InvalidDataException>(() => DeltaBinaryPacked.Decode(data, 5, int32: true, out _));
    }
}
