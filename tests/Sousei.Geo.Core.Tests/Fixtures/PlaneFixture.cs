using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Core.Tests.Fixtures;

/// <summary>
/// Builds lon/lat geometries from shapes drawn in EPSG:6670 metres near 通町筋, so that areas can be
/// worked out by hand (a 200 m × 100 m rectangle is 2 ha). Edges that are straight in lon/lat bend by
/// far less than a millimetre over a few hundred metres, so hand areas hold to better than 1e-6.
/// </summary>
internal static class PlaneFixture
{
    public static PlaneProjection Projection => PlaneProjection.Kumamoto;

    /// <summary>Plane origin of the fixtures: roughly 通町筋 in EPSG:6670.</summary>
    public const double X0 = -27_000;
    public const double Y0 = -21_800;

    private static readonly GeometryFactory Plane = new(new PrecisionModel(), 6670);

    public static Polygon RectanglePlane(double x, double y, double width, double height) =>
        Plane.CreatePolygon([new(X0 + x, Y0 + y), new(X0 + x + width, Y0 + y), new(X0 + x + width, Y0 + y + height), new(X0 + x, Y0 + y + height), new(X0 + x, Y0 + y)]);

    /// <summary>A rectangle given in metres from the fixture origin, returned in lon/lat.</summary>
    public static Geometry Rectangle(double x, double y, double width, double height) => Projection.Unproject(RectanglePlane(x, y, width, height));

    /// <summary>A point given in metres from the fixture origin, returned as lon/lat.</summary>
    public static (double Lon, double Lat) Point(double x, double y) => Projection.Unproject(X0 + x, Y0 + y);
}
