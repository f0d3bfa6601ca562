using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Precision;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Demo;

/// <summary>
/// Geometry helpers of the demo generator. The generator draws in the plane CRS EPSG:6670 (metres)
/// and writes longitude/latitude rounded to 6 decimals (about 0.1 m), the grid every output
/// coordinate lies on. Topology that must hold in the output (a household inside exactly one block)
/// is checked on the rounded longitude/latitude geometry itself.
/// </summary>
internal static class DemoGeometry
{
    /// <summary>Output grid: 10⁻⁶ degree.</summary>
    public static PrecisionModel LonLatPrecision { get; } = new(1_000_000);

    public static GeometryFactory Plane { get; } = new(new PrecisionModel(), 6670);

    public static GeometryFactory LonLat { get; } = new(LonLatPrecision, 4326);

    public static PlaneProjection Projection => PlaneProjection.Kumamoto;

    public static double Round6(double degrees) => Math.Round(degrees * 1e6) / 1e6;

    public static Coordinate ToPlane(double longitude, double latitude)
    {
        var (x, y) = Projection.Project(longitude, latitude);
        return new Coordinate(x, y);
    }

    /// <summary>Plane point to rounded longitude/latitude.</summary>
    public static (double Longitude, double Latitude) ToLonLat(double x, double y)
    {
        var (lon, lat) = Projection.Unproject(x, y);
        return (Round6(lon), Round6(lat));
    }

    /// <summary>A plane polygon (or multipolygon) to valid, rounded longitude/latitude.</summary>
    public static Geometry ToLonLat(Geometry plane)
    {
        var lonLat = Projection.Unproject(plane);
        var reduced = GeometryPrecisionReducer.Reduce(lonLat, LonLatPrecision);
        return LonLat.CreateGeometry(reduced);
    }

    /// <summary>A convex plane ring (Voronoi cell, rectangle) mapped vertex by vertex, so that shared vertices stay identical.</summary>
    public static Polygon ConvexToLonLat(Polygon plane)
    {
        var source = plane.ExteriorRing.Coordinates;
        var coordinates = new List<Coordinate>(source.Length);
        foreach (var c in source)
        {
            var (lon, lat) = ToLonLat(c.X, c.Y);
            var next = new Coordinate(lon, lat);
            if (coordinates.Count == 0 || !coordinates[^1].Equals2D(next))
            {
                coordinates.Add(next);
            }
        }

        if (!coordinates[^1].Equals2D(coordinates[0]))
        {
            coordinates.Add(coordinates[0].Copy());
        }

        return LonLat.CreatePolygon(coordinates.ToArray());
    }

    public static Geometry Intersection(Geometry a, Geometry b) =>
        LonLat.CreateGeometry(OverlayNG.Overlay(a, b, SpatialFunction.Intersection, LonLatPrecision));

    public static Geometry Union(IEnumerable<Geometry> parts)
    {
        var collection = LonLat.BuildGeometry(parts.ToList());
        return LonLat.CreateGeometry(UnaryUnionNG.Union(collection, LonLatPrecision));
    }

    /// <summary>Orders points along a Hilbert curve over the city's extent, so neighbours in a file are neighbours on the map.</summary>
    public static long HilbertKey(double longitude, double latitude)
    {
        const int order = 16;
        const int side = 1 << order;
        var x = (int)Math.Clamp((longitude - 130.5) / 0.5 * side, 0, side - 1);
        var y = (int)Math.Clamp((latitude - 32.55) / 0.5 * side, 0, side - 1);
        long key = 0;
        for (var s = side / 2; s > 0; s /= 2)
        {
            var rx = (x & s) > 0 ? 1 : 0;
            var ry = (y & s) > 0 ? 1 : 0;
            key += (long)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = side - 1 - x;
                    y = side - 1 - y;
                }

                (x, y) = (y, x);
            }
        }

        return key;
    }
}
