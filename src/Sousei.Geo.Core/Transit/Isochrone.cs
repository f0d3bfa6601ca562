using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Isochrones from a point by median travel time over the departure window: for each stop, the median
/// (nearest rank) over departures of the vehicle arrival minus the departure minute; a band of B minutes is
/// the union of a circle around the origin (the direct walk, at most the access radius) and, around each stop
/// reached in less than B, a circle of the walk left, at most the access radius (the egress rule). Circles are
/// built in the plane CRS and returned in longitude/latitude (RFC 7946 axis order). Thread-safe.
/// </summary>
public static class Isochrone
{
    /// <summary>Computes one band per entry of <paramref name="minutes"/>, in that order.</summary>
    public static IReadOnlyList<IsochroneBand> Compute(TransitNetwork network, (double Longitude, double Latitude) origin, IReadOnlyList<int> minutes, TransitOptions options)
    {
        options.Validate();
        if (minutes.Any(m => m <= 0))
        {
            throw new ArgumentException("isochrone minutes must be positive", nameof(minutes));
        }

        var (ox, oy) = network.Projection.Project(origin.Longitude, origin.Latitude);
        var median = MedianStopSeconds(network, (ox, oy), options);
        var factory = new GeometryFactory(new PrecisionModel(), network.Projection.Epsg);
        var bands = new List<IsochroneBand>();
        foreach (var m in minutes)
        {
            var budget = m * 60;
            var circles = new List<Geometry>();
            var radius = Math.Min(options.AccessRadiusMeters, budget * options.WalkSpeedMetersPerSecond);
            circles.Add(factory.CreatePoint(new Coordinate(ox, oy)).Buffer(radius, 8));
            var reached = 0;
            for (var s = 0; s < median.Length; s++)
            {
                if (median[s] >= budget)
                {
                    continue;
                }

                reached++;
                var left = Math.Min(options.AccessRadiusMeters, (budget - median[s]) * options.WalkSpeedMetersPerSecond);
                if (left > 0.5)
                {
                    circles.Add(factory.CreatePoint(new Coordinate(network.StopX[s], network.StopY[s])).Buffer(left, 8));
                }
            }

            var union = CascadedPolygonUnion.Union(circles);
            union.SRID = network.Projection.Epsg;
            var area = union.Area / 10_000;
            bands.Add(new IsochroneBand(m, network.Projection.Unproject(union), area, reached));
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
