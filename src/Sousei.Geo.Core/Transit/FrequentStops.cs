namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Frequent stops, the one definition used by the walkable-area coverage, the vacant-house ranking, what-if and
/// filters, and the service's vacant-house distances: after the MLIT public-transport walkable area
/// (公共交通徒歩圏, 都市構造の評価に関するハンドブック), a stop is frequent when it is a rail or tram stop
/// (<see cref="TransitStop.IsRail"/>), or a bus stop with at least <see cref="CoverageOptions.MinBusDeparturesPerDay"/>
/// departures a day (30) in one direction on the network's service day. Departures are those of
/// <see cref="StopFrequency"/> (boardable calls that are not a trip's last). Poles with the same name at the same
/// place (plane coordinates equal to the metre, e.g. one pole published in several operators' feeds) add their
/// departures per direction. Pure and thread-safe.
/// </summary>
public static class FrequentStops
{
    /// <summary>The frequent stops of the network, in stop order.</summary>
    public static IReadOnlyList<TransitStop> Find(TransitNetwork network, CoverageOptions? options = null)
    {
        options ??= new CoverageOptions();
        var departures = DeparturesPerDay(network);
        return network.Stops.Where(s => s.IsRail || departures[s.Index] >= options.MinBusDeparturesPerDay).ToList();
    }

    /// <summary>
    /// For each stop (by <see cref="TransitStop.Index"/>), the departures per day in its busiest direction, the
    /// departures of poles with the same name at the same place added (see the type's summary).
    /// </summary>
    public static IReadOnlyList<int> DeparturesPerDay(TransitNetwork network)
    {
        var perPlace = new Dictionary<(string Name, long X, long Y, int Direction), int>();
        foreach (var ((stop, direction), n) in StopFrequency.Count(network))
        {
            var key = PlaceKey(network.Stops[stop], direction);
            perPlace[key] = perPlace.GetValueOrDefault(key) + n;
        }

        var directions = perPlace.Keys.Select(k => k.Direction).Distinct().ToArray();
        var result = new int[network.Stops.Count];
        foreach (var s in network.Stops)
        {
            foreach (var direction in directions)
            {
                result[s.Index] = Math.Max(result[s.Index], perPlace.GetValueOrDefault(PlaceKey(s, direction)));
            }
        }

        return result;
    }

    private static (string, long, long, int) PlaceKey(TransitStop s, int direction) => (s.Name, (long)Math.Round(s.X), (long)Math.Round(s.Y), direction);
}
