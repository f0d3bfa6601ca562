using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// A synthetic 町丁目: its code (ward JIS code + 4-digit serial), name, ward, polygon in rounded
/// longitude/latitude, the plane seed it grew from and the bearing of its street grid in radians.
/// </summary>
internal sealed record DemoBlock(string Code, string Name, string WardCode, Geometry Geometry, Coordinate SeedPlane, double StreetAngleRadians);
