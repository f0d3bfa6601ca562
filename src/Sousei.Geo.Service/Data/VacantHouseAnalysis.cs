using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// Computes the fields of <see cref="VacantHouseRecord"/>. Point-in-area tests run on longitude/latitude
/// (boundary included, as PostGIS <c>ST_Covers</c>); distances are straight lines in the plane CRS
/// (EPSG:6670 for Kumamoto), rounded to 0.1 m.
/// </summary>
internal static class VacantHouseAnalysis
{
    public static IReadOnlyList<VacantHouseRecord> Compute(CityData data)
    {
        var d = data.Dataset;
        var projection = data.Projection;
        var zoneLocators = d.Zones.Select(z => (z.Id, Envelope: z.Geometry.EnvelopeInternal, Locator: new IndexedPointInAreaLocator(z.Geometry))).ToList();
        foreach (var (_, envelope, locator) in zoneLocators)
        {
            // Build the lazy index now so that the parallel loop below only reads.
            locator.Locate(new Coordinate(envelope.MinX, envelope.MinY));
        }

        var hubs = d.Hubs.Select(h => (h.Id, Plane: projection.Project(h.Location.X, h.Location.Y))).ToList();
        var stops = data.Transit?.FrequentStops.Select(s => (s.X, s.Y)).ToArray();
        var result = new VacantHouseRecord[d.VacantHouses.Count];
        Parallel.For(0, result.Length, i =>
        {
            var house = d.VacantHouses[i];
            var point = house.Geometry is Point p ? p.Coordinate : house.Geometry.InteriorPoint.Coordinate;
            var inside = data.Study.Area.Covers(point.X, point.Y);
            var zones = new List<string>();
            foreach (var (id, envelope, locator) in zoneLocators)
            {
                if (envelope.Covers(point) && locator.Locate(point) != Location.Exterior)
                {
                    zones.Add(id);
                }
            }

            var (x, y) = projection.Project(point.X, point.Y);
            string? nearestHub = null;
            double? hubDistance = null;
            foreach (var (id, plane) in hubs)
            {
                var distance = Math.Sqrt((plane.X - x) * (plane.X - x) + (plane.Y - y) * (plane.Y - y));
                if (hubDistance is null || distance < hubDistance)
                {
                    hubDistance = distance;
                    nearestHub = id;
                }
            }

            double? stopDistance = null;
            if (stops is not null)
            {
                var best = double.PositiveInfinity;
                foreach (var (sx, sy) in stops)
                {
                    var dd = (sx - x) * (sx - x) + (sy - y) * (sy - y);
                    if (dd < best)
                    {
                        best = dd;
                    }
                }

                stopDistance = double.IsFinite(best) ? Math.Round(Math.Sqrt(best), 1) : null;
            }

            result[i] = new VacantHouseRecord(house, point.X, point.Y, inside, zones, nearestHub,
                hubDistance is { } h ? Math.Round(h, 1) : null, stopDistance);
        });
        return result;
    }
}
