namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Point-to-points travel times by range-RAPTOR over the departure window (one departure per minute).
/// Points are longitude/latitude; distances are straight lines in the network's plane CRS. A journey:
/// walk from the origin to a stop within the access radius, ride (at most <see cref="TransitOptions.MaxRides"/>
/// vehicles, one walk within the transfer radius between two rides), walk from the last vehicle's stop
/// within the access radius to the destination; or walk directly when the two points are within the
/// access radius. Thread-safe.
/// </summary>
public static class TransitRouter
{
    /// <summary>
    /// Travel seconds (arrival − departure minute) from <paramref name="origin"/> to each destination for each
    /// departure of <see cref="TransitOptions.DepartureSeconds"/>, in that order; <see cref="int.MaxValue"/> = no journey.
    /// </summary>
    public static int[][] TravelSeconds(TransitNetwork network, (double Longitude, double Latitude) origin, IReadOnlyList<(double Longitude, double Latitude)> destinations, TransitOptions options)
    {
        options.Validate();
        var p = network.Projection;
        var o = p.Project(origin.Longitude, origin.Latitude);
        var d = destinations.Select(x => p.Project(x.Longitude, x.Latitude)).ToArray();
        var egress = d.Select(x => network.StopsNearPlane(x.X, x.Y, options.AccessRadiusMeters, options)).ToArray();
        return TravelSeconds(network, o, d, egress, new RaptorSearch(network, options), options);
    }

    internal static int[][] TravelSeconds(TransitNetwork network, (double X, double Y) origin, (double X, double Y)[] destinations, (int Stop, int WalkSeconds)[][] egress, RaptorSearch search, TransitOptions options)
    {
        var departures = options.DepartureSeconds();
        var access = network.StopsNearPlane(origin.X, origin.Y, options.AccessRadiusMeters, options);
        var direct = new int[destinations.Length];
        for (var j = 0; j < destinations.Length; j++)
        {
            var dx = destinations[j].X - origin.X;
            var dy = destinations[j].Y - origin.Y;
            var distance = Math.Sqrt(dx * dx + dy * dy);
            direct[j] = distance <= options.AccessRadiusMeters ? options.WalkSeconds(distance) : int.MaxValue;
        }

        var result = new int[destinations.Length][];
        for (var j = 0; j < destinations.Length; j++)
        {
            result[j] = new int[departures.Length];
        }

        search.Reset();
        for (var i = departures.Length - 1; i >= 0; i--)
        {
            var t = departures[i];
            search.Run(access, t);
            for (var j = 0; j < destinations.Length; j++)
            {
                var arrival = search.ArrivalAt(egress[j]);
                var travel = arrival == int.MaxValue ? int.MaxValue : arrival - t;
                result[j][i] = Math.Min(travel, direct[j]);
            }
        }

        return result;
    }
}
