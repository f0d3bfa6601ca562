using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The MLIT public-transport walkable area over households: a household is covered when it lies within the
/// rail radius of a rail/tram stop or within the bus radius of a bus stop with enough departures in one
/// direction; each is counted once however many catchments hold it. Departures of poles with the same name
/// at the same place (within 1 m, e.g. one pole published in several operators' feeds) are added up.
/// Distances are straight lines in the network's plane CRS. Thread-safe.
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
        var counts = StopFrequency.Count(network);
        var perPlace = new Dictionary<(string, long, long, int), int>();
        foreach (var ((stop, direction), n) in counts)
        {
            var key = PlaceKey(network.Stops[stop], direction);
            perPlace[key] = perPlace.GetValueOrDefault(key) + n;
        }

        var rail = new List<int>();
        var bus = new List<int>();
        foreach (var s in network.Stops)
        {
            if (s.IsRail)
            {
                rail.Add(s.Index);
            }
            else if (MaxDirection(perPlace, s) >= options.MinBusDeparturesPerDay)
            {
                bus.Add(s.Index);
            }
        }

        var railGrid = new StopGrid(rail.Select(i => network.StopX[i]).ToArray(), rail.Select(i => network.StopY[i]).ToArray());
        var busGrid = new StopGrid(bus.Select(i => network.StopX[i]).ToArray(), bus.Select(i => network.StopY[i]).ToArray());
        var locator = inducementArea is null ? null : new IndexedPointInAreaLocator(inducementArea);
        long persons = 0, covered = 0, inPersons = 0, inCovered = 0;
        var gate = new object();
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

        return new CoverageResult(persons, covered, persons == 0 ? 0 : (double)covered / persons, inPersons, inCovered,
            locator is null || inPersons == 0 ? null : (double)inCovered / inPersons, rail.Count, bus.Count);
    }

    private static (string, long, long, int) PlaceKey(TransitStop s, int direction) => (s.Name, (long)Math.Round(s.X), (long)Math.Round(s.Y), direction);

    private static int MaxDirection(Dictionary<(string, long, long, int), int> perPlace, TransitStop s)
    {
        var best = 0;
        foreach (var direction in new[] { -1, 0, 1 })
        {
            best = Math.Max(best, perPlace.GetValueOrDefault(PlaceKey(s, direction)));
        }

        return best;
    }
}
