using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// Where a vacant house stands relative to the study area: its representative point in longitude/latitude
/// (the point itself, or an interior point of a footprint), whether the inducement area covers it (boundary
/// included, as PostGIS <c>ST_Covers</c> on SRID 4326), and the ids of the zones covering it, in zone order.
/// A house outside the inducement area lists the zones whose own (unclipped) polygon covers it, so that it
/// can still be found by zone; it never counts toward a zone's density.
/// </summary>
public sealed record VacantHouseSite(VacantHouse House, double Longitude, double Latitude, bool InsideInducementArea, IReadOnlyList<string> ZoneIds)
{
    /// <summary>The survey id.</summary>
    public string Id => House.Id;

    /// <summary>Locates one house. Thread-safe (the study area is read-only).</summary>
    public static VacantHouseSite Locate(StudyArea study, VacantHouse house)
    {
        var point = house.Geometry is Point p ? p.Coordinate : house.Geometry.InteriorPoint.Coordinate;
        var inside = study.Area.Covers(point.X, point.Y);
        var zones = new List<string>();
        foreach (var zone in study.Zones)
        {
            if (zone.CoversUnclipped(point.X, point.Y))
            {
                zones.Add(zone.Id);
            }
        }

        return new VacantHouseSite(house, point.X, point.Y, inside, zones);
    }

    /// <summary>Locates every house, in input order.</summary>
    public static IReadOnlyList<VacantHouseSite> LocateAll(StudyArea study, IReadOnlyList<VacantHouse> houses)
    {
        var result = new VacantHouseSite[houses.Count];
        Parallel.For(0, houses.Count, i => result[i] = Locate(study, houses[i]));
        return result;
    }
}
