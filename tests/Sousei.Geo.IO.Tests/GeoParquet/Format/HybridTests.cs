using Sousei.Geo.IO.GeoParquet.Format;

namespace Sousei.Geo.IO.Tests.GeoParquet.Format;

/// <summary>The RLE / bit-packed hybrid encoding, on byte strings worked out by hand from parquet-format's Encodings.md.</summary>
public sealed class HybridTests
{
    [Fact]
    public void A_run_header_of_8_repeats_its_value_four_times()
    {
        // Header 0x08 = 4 << 1 | 0: an RLE run of 4; bit width 1 takes one byte for the value: 1.
        var values = new int[4];
        Hybrid.Decode([0x08, 0x01], 1, values);
        Assert.Equal([1, 1, 1, 1], values);
    }

    [Fact]
    public void The_specification_example_of_0_to_7_in_three_bits_unpacks_in_order()
    {
        // Header 0x03 = 1 << 1 | 1: one bit-packed group of eight values; 0..7 in 3 bits, LSB first, are 0x88 0xC6 0xFA.
        var values = new int[8];
        Hybrid.Decode([0x03, 0x88, 0xC6, 0xFA], 3, values);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void A_packed_group_is_cut_to_the_values_asked_for_and_runs_follow_each_other()
    {
        // Five definition levels 1,0,1,1,0 packed in one group (0b0000_1101 = 0x0D), then a run of 3 zeros (header 0x06).
        var values = new int[8];
        Hybrid.Decode([0x03, 0x0D, 0x06, 0x00], 1, values.AsSpan(0, 5));
        Assert.Equal([1, 0, 1, 1, 0, 0, 0, 0], values);
        var more = new int[8];
        Hybrid.Decode([0x03, 0x0D, 0x06, 0x00], 1, more);
        Assert.Equal([1, 0, 1, 1, 0, 0, 0, 0], more); // the group's last three bits are zero, then the run
    }

    [Fact]
    public void A_run_value_wider_than_a_byte_is_little_endian()
    {
        // Bit width 12 takes two bytes for a run's value: 0x34 0x02 is 0x0234 = 564; header 0x04 = a run of 2.
        var values = new int[2];
        Hybrid.Decode([0x04, 0x34, 0x02], 12, values);
        Assert.Equal([0x234, 0x234], values);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x08 })] // a run without its value
    [InlineData(new byte[] { 0x03, 0x88 })] // a group of 3-bit values cut after 2 of 8
    [InlineData(new byte[] { 0xFF, 0xFF })] // a header that never ends
    public void Encodings_that_end_early_are_invalid_data(byte[] encoded)
    {
        Assert.Throws<InvalidDataException>(() => Hybrid.Decode(encoded, 3, new int[8]));
    }
}
