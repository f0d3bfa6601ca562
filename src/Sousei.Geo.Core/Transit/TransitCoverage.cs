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
}
