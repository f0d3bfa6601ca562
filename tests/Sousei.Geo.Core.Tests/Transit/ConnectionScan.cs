using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>
/// An independent earliest-arrival connection scan (Dibbelt, Pajor, Strasser, Wagner 2013) with the same
/// semantics as the RAPTOR engine: access walk, rides, at most one transfer walk after a vehicle arrival,
/// no ride limit. Works straight from the feed and computes distances itself. Needs rides that take at least
/// one second, so that sorting connections by departure is enough.
/// </summary>
internal sealed class ConnectionScan
{
    private readonly record struct Connection(int Trip, int From, int To, int Departure, int Arrival, bool Board, bool Alight);

    private readonly List<Connection> _connections = [];
    private readonly (double X, double Y)[] _xy;
    private readonly Dictionary<string, int> _stop;
    private readonly int _tripCount;

    public ConnectionScan(GtfsFeed feed, DateOnly day)
    {
        _stop = feed.Stops.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _xy = feed.Stops.Select(s => FeedBuilder.Projection.Project(s.Longitude, s.Latitude)).ToArray();
        var trip = 0;
        foreach (var t in feed.Trips.Where(t => feed.IsServiceActive(t.ServiceId, day)))
        {
            for (var i = 0; i + 1 < t.StopTimes.Count; i++)
            {
                var a = t.StopTimes[i];
                var b = t.StopTimes[i + 1];
                _connections.Add(new Connection(trip, _stop[a.StopId], _stop[b.StopId], a.DepartureSeconds, b.ArrivalSeconds, a.PickupType != 1, b.DropOffType != 1));
            }

            trip++;
        }

        _tripCount = trip;
        _connections.Sort((x, y) => x.Departure.CompareTo(y.Departure));
    }

    /// <summary>Best vehicle arrival and best arrival of any kind per stop (by feed stop order), int.MaxValue when unreached.</summary>
    public (int[] Vehicle, int[] Any) Run(double x, double y, int departure, TransitOptions options)
    {
        var n = _xy.Length;
        var vehicle = Enumerable.Repeat(int.MaxValue, n).ToArray();
        var walk = Enumerable.Repeat(int.MaxValue, n).ToArray();
        for (var s = 0; s < n; s++)
        {
            var d = Distance(x, y, _xy[s].X, _xy[s].Y);
            if (d <= options.AccessRadiusMeters)
            {
                walk[s] = departure + options.WalkSeconds(d);
            }
        }

        var onTrip = new bool[_tripCount];
        foreach (var c in _connections)
        {
            if (c.Departure < departure)
            {
                continue;
            }

            if (!onTrip[c.Trip])
            {
                if (!c.Board || Math.Min(vehicle[c.From], walk[c.From]) > c.Departure)
                {
                    continue;
                }

                onTrip[c.Trip] = true;
            }

            if (c.Alight && c.Arrival < vehicle[c.To])
            {
                vehicle[c.To] = c.Arrival;
                for (var s = 0; s < n; s++)
                {
                    var d = Distance(_xy[c.To].X, _xy[c.To].Y, _xy[s].X, _xy[s].Y);
                    if (s != c.To && d <= options.TransferRadiusMeters)
                    {
                        walk[s] = Math.Min(walk[s], c.Arrival + options.WalkSeconds(d));
                    }
                }
            }
        }

        return (vehicle, vehicle.Zip(walk, Math.Min).ToArray());
    }

    private static double Distance(double x0, double y0, double x1, double y1) => Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
}
