using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Core.Tests.Crs;

public class PlaneProjectionTests
{
    [Fact]
    public void Zone_origin_projects_to_zero()
    {
        var (x, y) = PlaneProjection.Kumamoto.Project(131, 33);
        Assert.Equal(0, x, 6);
        Assert.Equal(0, y, 6);
    }

    [Fact]
    public void Along_the_central_meridian_northing_is_the_GRS80_meridian_arc_times_0_9999()
    {
        // Independent: integrate the GRS80 meridian radius of curvature M(φ) = a(1−e²)/(1−e² sin²φ)^1.5 from 33° to 33.5°.
        const double a = 6378137.0, f = 1 / 298.257222101;
        var e2 = f * (2 - f);
        double arc = 0;
        const int n = 10_000;
        var dphi = 0.5 * Math.PI / 180 / n;
        for (var i = 0; i < n; i++)
        {
            var phi = (33 + 0.5 * (i + 0.5) / n) * Math.PI / 180;
            var s = Math.Sin(phi);
            arc += a * (1 - e2) / Math.Pow(1 - e2 * s * s, 1.5) * dphi;
        }

        var (x, y) = PlaneProjection.Kumamoto.Project(131, 33.5);
        Assert.Equal(0, x, 6);
        Assert.Equal(arc * 0.9999, y, 3);
    }

    [Fact]
    public void Unproject_inverts_project_to_a_millimetre()
    {
        var p = PlaneProjection.Kumamoto;
        var (x, y) = p.Project(130.71007, 32.80305);
        var (lon, lat) = p.Unproject(x, y);
        Assert.Equal(130.71007, lon, 8);
        Assert.Equal(32.80305, lat, 8);
    }

    [Theory]
    [InlineData("EPSG:6670", 6670)]
    [InlineData("6677", 6677)]
    [InlineData("epsg:6669", 6669)]
    public void Zones_parse_from_epsg_codes(string text, int epsg)
    {
        Assert.True(PlaneProjection.TryParse(text, out var p, out _));
        Assert.Equal(epsg, p!.Epsg);
    }

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("EPSG:4326")]
    [InlineData("zone2")]
    public void Other_crs_codes_are_refused(string text)
    {
        Assert.False(PlaneProjection.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }
}
