using Sousei.Geo.IO.Binary;
using Sousei.Geo.IO.Tiles;

namespace Sousei.Geo.IO.Tests.Tiles;

public sealed class PmTileIdTests
{
    [Fact]
    public void Zoom_0_is_id_0_and_the_zoom_1_tiles_are_1_to_4_along_the_curve()
    {
        Assert.Equal(0UL, PmTileId.FromZxy(0, 0, 0));
        // The spec's order: (x, y) = (0, 0), (0, 1), (1, 1), (1, 0) — down the west column, then up the east one.
        Assert.Equal(1UL, PmTileId.FromZxy(1, 0, 0));
        Assert.Equal(2UL, PmTileId.FromZxy(1, 0, 1));
        Assert.Equal(3UL, PmTileId.FromZxy(1, 1, 1));
        Assert.Equal(4UL, PmTileId.FromZxy(1, 1, 0));
        Assert.Equal(5UL, PmTileId.FromZxy(2, 0, 0));
    }

    [Fact]
    public void Tile_3_3_5_is_49()
    {
        // Zooms 0–2 hold 1 + 4 + 16 = 21 ids. On the 8 × 8 curve, x = 3 (011), y = 5 (101):
        //   s = 4: rx = 0, ry = 1 → quadrant (3·0) xor 1 = 1 → d = 16·1 = 16; ry = 1, no rotation.
        //   s = 2: rx = 1, ry = 0 → quadrant 3 xor 0 = 3 → d += 4·3 = 28; ry = 0, rx = 1: flip (x, y) → (7−3, 7−5) = (4, 2), swap → (2, 4).
        //   s = 1: rx = 0, ry = 0 → quadrant 0 → d = 28.
        // So 21 + 28 = 49 (the npm pmtiles package's zxyToTileId agrees, see TilesCommandTests).
        Assert.Equal(49UL, PmTileId.FromZxy(3, 3, 5));
        Assert.Equal((3, 3L, 5L), PmTileId.ToZxy(49));
    }

    [Fact]
    public void Ids_go_back_to_their_tiles_on_every_zoom_up_to_8_and_at_zoom_20()
    {
        for (var z = 0; z <= 8; z++)
        {
            var n = 1 << z;
            var seen = new HashSet<ulong>();
            for (var x = 0; x < n; x++)
            {
                for (var y = 0; y < n; y++)
                {
                    var id = PmTileId.FromZxy(z, x, y);
                    Assert.InRange(id, PmTileId.ZoomStart(z), PmTileId.ZoomStart(z + 1) - 1);
                    Assert.True(seen.Add(id));
                    Assert.Equal((z, (long)x, (long)y), PmTileId.ToZxy(id));
                }
            }
        }

        Assert.Equal((20, 931_000L, 420_000L), PmTileId.ToZxy(PmTileId.FromZxy(20, 931_000, 420_000)));
    }

    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7f })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xac, 0x02 })] // 300 = 0b10_0101100: low seven bits 0x2c with the high bit → 0xac, then 0b10 = 0x02
    [InlineData(16_384UL, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 })]
    public void Varints_are_seven_bits_a_byte_low_group_first(ulong value, byte[] bytes)
    {
        using var stream = new MemoryStream();
        Varint.Write(stream, value);
        Assert.Equal(bytes, stream.ToArray());
        var p = 0;
        Assert.Equal(value, Varint.Read(bytes, ref p));
        Assert.Equal(bytes.Length, p);
    }

    [Fact]
    public void A_truncated_varint_is_invalid_data()
    {
        var p = 0;
        Assert.Throws<InvalidDataException>(() => Varint.Read(new byte[] { 0x80, 0x80 }, ref p));
    }
}
