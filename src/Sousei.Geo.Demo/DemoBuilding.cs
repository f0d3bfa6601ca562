using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// A demo building: a rectangle of <see cref="WidthMeters"/> × <see cref="DepthMeters"/> turned by
/// <see cref="AngleRadians"/> around its plane centre, the rounded longitude/latitude of that centre
/// (the address point its households are geocoded to), its block and, for dwellings, the persons of
/// each household in the base and the latest year.
/// </summary>
internal sealed class DemoBuilding
{
    public required DemoBuildingKind Kind { get; init; }

    public required double X { get; init; }

    public required double Y { get; init; }

    public required double Longitude { get; init; }

    public required double Latitude { get; init; }

    public required int Block { get; init; }

    public required bool InsideInducementArea { get; init; }

    public required int Floors { get; init; }

    /// <summary>Dwellings in the building (0 for buildings nobody lives in).</summary>
    public required int Units { get; init; }

    public required double WidthMeters { get; init; }

    public required double DepthMeters { get; init; }

    public required double AngleRadians { get; init; }

    public List<int> BaseYearHouseholds { get; } = [];

    public List<int> LatestYearHouseholds { get; } = [];

    public string Use => Kind switch
    {
        DemoBuildingKind.Mixed => "mixed",
        DemoBuildingKind.Commercial => "commercial",
        DemoBuildingKind.Public => "public",
        DemoBuildingKind.Industrial => "industrial",
        _ => "residential",
    };

    public bool IsApartment => Kind is DemoBuildingKind.LowRiseApartment or DemoBuildingKind.MidRiseApartment or DemoBuildingKind.Mixed;

    /// <summary>The footprint in rounded longitude/latitude.</summary>
    public Polygon Footprint()
    {
        var (cos, sin) = (Math.Cos(AngleRadians), Math.Sin(AngleRadians));
        var (hw, hd) = (WidthMeters / 2, DepthMeters / 2);
        (double U, double V)[] corners = [(-hw, -hd), (hw, -hd), (hw, hd), (-hw, hd), (-hw, -hd)];
        var ring = corners.Select(c =>
        {
            var (lon, lat) = DemoGeometry.ToLonLat(X + c.U * cos - c.V * sin, Y + c.U * sin + c.V * cos);
            return new Coordinate(lon, lat);
        }).ToArray();
        return DemoGeometry.LonLat.CreatePolygon(ring);
    }
}
