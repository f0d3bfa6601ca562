using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>
/// An independent earliest-arrival connection scan (Dibbelt, Pajor, Strasser, Wagner 2013) with the same
/// semantics as the RAPTOR engine: access walk, rides, at most one transfer walk after a vehicle arrival,
/// no ride limit. Works straight from the feed and computes distances itself. Real timetables hold rides of zero
/// seconds (two stops in the same minute), so the connections of one departure second are scanned until nothing
/// changes: a zero-second ride may feed a connection of the same second listed before it.
/// </summary>
internal sealed class ConnectionScan
{
    private readonly record struct Connection(int Trip, int Position, int From, int To, int Departure, int Arrival, bool Board, bool Alight);

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
                _connections.Add(new Connection(trip, i, _stop[a.StopId], _stop[b.StopId], a.DepartureSeconds, b.ArrivalSeconds, a.PickupType != 1, b.DropOffType != 1));
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

        // Per trip the first position boarded (int.MaxValue: not on it): a connection is ridden only from there on.
        var boardedAt = Enumerable.Repeat(int.MaxValue, _tripCount).ToArray();
        var first = 0;
        while (first < _connections.Count && _connections[first].Departure < departure)
        {
            first++;
        }

        for (var start = first; start < _connections.Count;)
        {
            var end = start;
            while (end < _connections.Count && _connections[end].Departure == _connections[start].Departure)
            {
                end++;
            }

            bool changed;
            do
            {
                changed = false;
                for (var i = start; i < end; i++)
                {
                    changed |= Scan(_connections[i], vehicle, walk, boardedAt, options);
                }
            }
            while (changed);
            start = end;
        }

        return (vehicle, vehicle.Zip(walk, Math.Min).ToArray());
    }

    /// <summary>One connection; true when it boarded its trip or improved a label.</summary>
    private bool Scan(Connection c, int[] vehicle, int[] walk, int[] boardedAt, TransitOptions options)
    {
        var changed = false;
        if (boardedAt[c.Trip] > c.Position)
        {
            if (!c.Board || Math.Min(vehicle[c.From], walk[c.From]) > c.Departure)
            {
                return false;
            }

            boardedAt[c.Trip] = c.Position;
            changed = true;
        }

        if (c.Alight && c.Arrival < vehicle[c.To])
        {
            vehicle[c.To] = c.Arrival;
            changed = true;
            for (var s = 0; s < _xy.Length; s++)
            {
                var d = Distance(_xy[c.To].X, _xy[c.To].Y, _xy[s].X, _xy[s].Y);
                if (s != c.To && d <= options.TransferRadiusMeters)
                {
                    walk[s] = Math.Min(walk[s], c.Arrival + options.WalkSeconds(d));
                }
            }
        }

        return changed;
    }

    private static double Distance(double x0, double y0, double x1, double y1) => Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
}
