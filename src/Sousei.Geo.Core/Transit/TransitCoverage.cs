using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The MLIT public-transport walkable area over households: a household is covered when it lies within the
/// rail radius of a rail/tram stop or within the bus radius of a frequent bus stop (<see cref="FrequentStops"/>);
/// each is counted once however many catchments hold it. Distances are straight lines in the network's plane
/// CRS. Thread-safe.
/// </summary>
public static class TransitCoverage
{
    /// <summary>
    /// Computes the covered persons. <paramref name="inducementArea"/> (longitude/latitude, may be null) gives the
    /// share inside the 居住誘導区域 too.
    /// </summary>
    public static CoverageResult Compute(TransitNetwork network, IReadOnlyList<Household> households, Geometry? inducementArea, CoverageOptions? options = null)
    {
        options ??= new CoverageOptions();
        var frequent = FrequentStops.Find(network, options);
        var rail = frequent.Where(s => s.IsRail).Select(s => s.Index).ToList();
        var bus = frequent.Where(s => !s.IsRail).Select(s => s.Index).ToList();
        var railGrid = new StopGrid(rail.Select(i => network.StopX[i]).ToArray(), rail.Select(i => network.StopY[i]).ToArray());
        var busGrid = new StopGrid(bus.Select(i => network.StopX[i]).ToArray(), bus.Select(i => network.StopY[i]).ToArray());
        var locator = inducementArea is null ? null : new IndexedPointInAreaLocator(inducementArea);
        long persons = 0, covered = 0, inPersons = 0, inCovered = 0;
        var gate = new object();
        if (households.Count > 0)
        {
            // Partitioner.Create rejects an empty range.
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, households.Count, 8192), () => new long[4], (range, _, local) =>
            {
                var near = new List<(int, double)>();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var h = households[i];
                    var (x, y) = network.Projection.Project(h.Longitude, h.Latitude);
                    near.Clear();
                    railGrid.Near(x, y, options.RailRadiusMeters, near);
                    if (near.Count == 0)
                    {
                        busGrid.Near(x, y, options.BusRadiusMeters, near);
                    }

                    var isCovered = near.Count > 0;
                    var inside = locator is not null && locator.Locate(new Coordinate(h.Longitude, h.Latitude)) != Location.Exterior;
                    local[0] += h.Persons;
                    local[1] += isCovered ? h.Persons : 0;
                    local[2] += inside ? h.Persons : 0;
                    local[3] += inside && isCovered ? h.Persons : 0;
                }

                return local;
            }, local =>
            {
                lock (gate)
                {
                    persons += local[0];
                    covered += local[1];
                    inPersons += local[2];
                    inCovered += local[3];
                }
            });
        }

        return new CoverageResult(persons, covered, persons == 0 ? 0 : (double)covered / persons, inPersons, inCovered,
            locator is null || inPersons == 0 ? null : (double)inCovered / inPersons, rail.Count, bus.Count);
    }

    /// <summary>
    /// Coverage of population units (town blocks, e-Stat mesh cells) by areal weighting: a unit's covered persons
    /// are persons × area(unit ∩ catchments) / area(unit), the catchments being the union of circles (8 segments
    /// per quarter, as PostGIS ST_Buffer draws them) of the rail radius around rail/tram stops and of the bus radius
    /// around frequent bus stops, in the plane CRS; inside the inducement area likewise with area(unit ∩ area).
    /// What PostGIS <c>ST_Area(ST_Intersection(unit, ST_Union(ST_Buffer(stop, r))))</c> gives.
    /// </summary>
    public static CoverageResult ComputeForUnits(TransitNetwork network, IReadOnlyList<TownBlock> units, Geometry? inducementArea, CoverageOptions? options = null)
    {
        options ??= new CoverageOptions();
        var frequent = FrequentStops.Find(network, options);
        var factory = new GeometryFactory(new PrecisionModel(), network.Projection.Epsg);
        var circles = frequent.Select(s => factory.CreatePoint(new Coordinate(network.StopX[s.Index], network.StopY[s.Index])).Buffer(s.IsRail ? options.RailRadiusMeters : options.BusRadiusMeters, 8))
            .Where(c => !c.IsEmpty).ToList();
        var catchments = circles.Count == 0 ? factory.CreateMultiPolygon() : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(circles);
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(catchments);
        var area = inducementArea is null || inducementArea.IsEmpty ? null : network.Projection.Project(inducementArea);
        var preparedArea = area is null ? null : NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
        var sums = new double[units.Count, 4];
        Parallel.For(0, units.Count, i =>
        {
            var unit = network.Projection.Project(units[i].Geometry);
            var unitArea = unit.Area;
            if (unitArea <= 0)
            {
                return;
            }

            var unitPersons = (double)units[i].Persons;
            var coveredPart = Part(unit, catchments, prepared);
            sums[i, 0] = unitPersons;
            sums[i, 1] = unitPersons * (coveredPart?.Area ?? 0) / unitArea;
            if (area is not null)
            {
                var insidePart = Part(unit, area, preparedArea!);
                sums[i, 2] = unitPersons * (insidePart?.Area ?? 0) / unitArea;
                sums[i, 3] = insidePart is null || coveredPart is null ? 0 : unitPersons * insidePart.Intersection(catchments).Area / unitArea;
            }
        });

        double persons = 0, covered = 0, inPersons = 0, inCovered = 0;
        for (var i = 0; i < units.Count; i++)
        {
            persons += sums[i, 0];
            covered += sums[i, 1];
            inPersons += sums[i, 2];
            inCovered += sums[i, 3];
        }

        return new CoverageResult(persons, covered, persons == 0 ? 0 : covered / persons, inPersons, inCovered,
            area is null || inPersons == 0 ? null : inCovered / inPersons, frequent.Count(s => s.IsRail), frequent.Count(s => !s.IsRail));
    }

    /// <summary>The part of <paramref name="unit"/> inside <paramref name="other"/>: the unit itself, null (none) or the intersection.</summary>
    private static Geometry? Part(Geometry unit, Geometry other, NetTopologySuite.Geometries.Prepared.IPreparedGeometry prepared)
    {
        if (!prepared.Intersects(unit))
        {
            return null;
        }

        return prepared.Covers(unit) ? unit : unit.Intersection(other);
    }
}
