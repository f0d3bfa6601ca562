using Sousei.Geo.Core.Mesh;

namespace Sousei.Geo.Core.Tests.Mesh;

public class JisMeshTests
{
    [Fact]
    public void Half_mesh_493015581_starts_at_32_47_30_N_130_43_30_E()
    {
        // 49 → 49 / 1.5 = 32°40′; 30 → 130°. 2nd mesh 1,5 → +5′ lat, +5 × 7.5′ = +37.5′ lon → 32°45′, 130°37.5′.
        // 3rd mesh 5,8 → +5 × 30″ = +2′30″ lat, +8 × 45″ = +6′ lon → 32°47′30″, 130°43′30″. Half mesh 1 = south-west quarter.
        Assert.True(JisMesh.TryDecode("493015581", out var lon, out var lat, out var w, out var h, out _));
        Assert.Equal(32 + 47.5 / 60, lat, 9);
        Assert.Equal(130 + 43.5 / 60, lon, 9);
        Assert.Equal(22.5 / 3600, w, 12); // 45″ / 2
        Assert.Equal(15.0 / 3600, h, 12); // 30″ / 2
    }

    [Fact]
    public void Quarter_digit_4_is_the_north_east_cell()
    {
        Assert.True(JisMesh.TryDecode("5339452344", out var lon, out var lat, out _, out _, out _));
        Assert.True(JisMesh.TryDecode("533945234", out var lonHalf, out var latHalf, out var wHalf, out var hHalf, out _));
        Assert.Equal(lonHalf + wHalf / 2, lon, 12);
        Assert.Equal(latHalf + hHalf / 2, lat, 12);
    }

    [Theory]
    [InlineData("49301")]
    [InlineData("4930958")]
    [InlineData("4930155851")]
    [InlineData("49x0")]
    public void Malformed_codes_are_rejected_with_a_reason(string code)
    {
        Assert.False(JisMesh.TryDecode(code, out _, out _, out _, out _, out var error));
        Assert.Contains(code, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_polygon_is_counter_clockwise()
    {
        var cell = JisMesh.CellPolygon("493015581");
        Assert.False(NetTopologySuite.Algorithm.Orientation.IsCCW(cell.Shell.CoordinateSequence) == false);
    }
}
