namespace Sousei.Geo.Core.Transit;

/// <summary>Departures per day per stop and direction on the network's service day. Thread-safe.</summary>
public static class StopFrequency
{
    /// <summary>One row per stop and direction with at least one departure, ordered by stop index then direction.</summary>
    public static IReadOnlyList<StopDepartures> Compute(TransitNetwork network)
    {
        var counts = Count(network);
        var rows = new List<StopDepartures>();
        foreach (var ((stop, direction), n) in counts.OrderBy(c => c.Key.Stop).ThenBy(c => c.Key.Direction))
        {
            var s = network.Stops[stop];
            rows.Add(new StopDepartures(s.Id, s.Name, s.Longitude, s.Latitude, s.IsRail, direction, n));
        }

        return rows;
    }

    internal static Dictionary<(int Stop, int Direction), int> Count(TransitNetwork network)
    {
        var counts = new Dictionary<(int, int), int>();
        for (var p = 0; p < network.PatternCount; p++)
        {
            var stopBase = network.PatternStopOffset[p];
            var n = network.PatternStopOffset[p + 1] - stopBase;
            for (var trip = network.PatternTripOffset[p]; trip < network.PatternTripOffset[p + 1]; trip++)
            {
                var direction = network.TripDirection[trip];
                for (var i = 0; i < n - 1; i++)
                {
                    if (network.CanBoard[stopBase + i])
                    {
                        var key = (network.PatternStops[stopBase + i], direction);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        return counts;
    }
}
