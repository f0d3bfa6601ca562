using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Isochrones from a point as a grid of median travel times (the model of Conveyal R5's travel-time surfaces):
/// square cells of <c>cellMeters</c> in the plane CRS, aligned on multiples of the cell size; a cell's time is
/// the median (nearest rank) over the departure window of the travel time to its centre by the rules of
/// <see cref="TransitRouter"/> (walk to a stop, rides, walk from the last stop within the access radius, or the
/// direct walk). Only cells whose centre lies within the access radius of a stop or of the origin can be reached;
/// cells above the time limit are left out. A band of B minutes (<see cref="Bands"/>) is the union of the cells
/// whose median is at most B. Thread-safe.
/// </summary>
public static class Isochrone
{
    /// <summary>Default cell edge, metres.</summary>
    public const double DefaultCellMeters = 500;

    /// <summary>Computes the grid of cells reached within <paramref name="maxMinutes"/> at the median.</summary>
    /// <param name="network">The day's network (its projection gives the plane CRS).</param>
    /// <param name="origin">Longitude/latitude.</param>
    /// <param name="options">Window, walking and rides.</param>
    /// <param name="cellMeters">Cell edge, metres (50–5000).</param>
    /// <param name="maxMinutes">Time limit, minutes.</param>
    public static IsochroneGrid Compute(TransitNetwork network, (double Longitude, double Latitude) origin, TransitOptions options, double cellMeters = DefaultCellMeters, double maxMinutes = 60)
    {
        options.Validate();
        if (!(cellMeters is >= 50 and <= 5000))
        {
            throw new ArgumentOutOfRangeException(nameof(cellMeters), cellMeters, "the cell edge must be from 50 to 5000 metres");
        }

        var p = network.Projection;
        var o = p.Project(origin.Longitude, origin.Latitude);
        var candidates = new HashSet<(long Column, long Row)>();
        void Around(double x, double y)
        {
            var r = options.AccessRadiusMeters;
            for (var c = (long)Math.Floor((x - r) / cellMeters); c <= (long)Math.Floor((x + r) / cellMeters); c++)
            {
                for (var w = (long)Math.Floor((y - r) / cellMeters); w <= (long)Math.Floor((y + r) / cellMeters); w++)
                {
                    var dx = (c + 0.5) * cellMeters - x;
                    var dy = (w + 0.5) * cellMeters - y;
                    if (dx * dx + dy * dy <= r * r)
                    {
                        candidates.Add((c, w));
                    }
                }
            }
        }

        Around(o.X, o.Y);
        for (var s = 0; s < network.Stops.Count; s++)
        {
            Around(network.StopX[s], network.StopY[s]);
        }

        var keys = candidates.OrderBy(k => k.Column).ThenBy(k => k.Row).ToArray();
        var centres = keys.Select(k => ((k.Column + 0.5) * cellMeters, (k.Row + 0.5) * cellMeters)).ToArray();
        var egress = centres.Select(c => network.StopsNearPlane(c.Item1, c.Item2, options.AccessRadiusMeters, options)).ToArray();
        var seconds = TransitRouter.TravelSeconds(network, o, centres, egress, new RaptorSearch(network, options), options);
        var cells = new List<IsochroneCell>();
        for (var i = 0; i < keys.Length; i++)
        {
            var sorted = seconds[i];
            Array.Sort(sorted);
            if (TravelTimeStatistics.Minutes(TravelTimeStatistics.NearestRank(sorted, 50)) is { } median && median <= maxMinutes)
            {
                cells.Add(new IsochroneCell(keys[i].Column, keys[i].Row, median));
            }
        }

        var stopMedians = MedianStopSeconds(network, o, options);
        return new IsochroneGrid(p, cellMeters, origin.Longitude, origin.Latitude, options.DepartureSeconds().Length, maxMinutes, cells, stopMedians);
    }

    /// <summary>
    /// One band per entry of <paramref name="minutes"/> (in that order): the union of the cells whose median is at
    /// most the limit, in longitude/latitude (SRID 4326); its area is the cells' area in the plane CRS.
    /// </summary>
    public static IReadOnlyList<IsochroneBand> Bands(IsochroneGrid grid, IReadOnlyList<int> minutes)
    {
        if (minutes.Any(m => m <= 0))
        {
            throw new ArgumentException("isochrone minutes must be positive", nameof(minutes));
        }

        var factory = new GeometryFactory(new PrecisionModel(), grid.Projection.Epsg);
        var bands = new List<IsochroneBand>();
        foreach (var m in minutes)
        {
            var squares = grid.Cells.Where(c => c.MedianMinutes <= m).Select(c => (Geometry)grid.SquarePlane(c, factory)).ToList();
            var union = squares.Count == 0 ? factory.CreateMultiPolygon() : CascadedPolygonUnion.Union(squares);
            union.SRID = grid.Projection.Epsg;
            var area = squares.Count * grid.CellMeters * grid.CellMeters / 10_000;
            var reached = grid.StopMedianSeconds.Count(s => s < m * 60);
            bands.Add(new IsochroneBand(m, grid.Projection.Unproject(union), area, reached));
        }

        return bands;
    }

    /// <summary>Median seconds from the origin to a vehicle arrival at each stop; <see cref="int.MaxValue"/> when the median departure reaches none.</summary>
    internal static int[] MedianStopSeconds(TransitNetwork network, (double X, double Y) origin, TransitOptions options)
    {
        var departures = options.DepartureSeconds();
        var n = network.Stops.Count;
        var times = new int[n][];
        for (var s = 0; s < n; s++)
        {
            times[s] = new int[departures.Length];
        }

        var access = network.StopsNearPlane(origin.X, origin.Y, options.AccessRadiusMeters, options);
        var search = new RaptorSearch(network, options);
        for (var i = departures.Length - 1; i >= 0; i--)
        {
            search.Run(access, departures[i]);
            var best = search.BestVehicle;
            for (var s = 0; s < n; s++)
            {
                times[s][i] = best[s] == int.MaxValue ? int.MaxValue : best[s] - departures[i];
            }
        }

        var median = new int[n];
        for (var s = 0; s < n; s++)
        {
            Array.Sort(times[s]);
            median[s] = TravelTimeStatistics.NearestRank(times[s], 50) ?? int.MaxValue;
        }

        return median;
    }
}
