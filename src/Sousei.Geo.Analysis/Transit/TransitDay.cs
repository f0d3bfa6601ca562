using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis;

/// <summary>
/// The transit layer of one service day: the network, departures per stop and direction, the frequent stops
/// of the MLIT definition (<see cref="Core.Transit.FrequentStops"/>, default thresholds). Immutable, thread-safe.
/// </summary>
public sealed class TransitDay
{
    private readonly Lazy<IReadOnlyList<StopDepartures>> _departures;
    private readonly Lazy<IReadOnlyList<TransitStop>> _frequent;
    private readonly Lazy<IReadOnlyDictionary<string, int>> _maxDepartures;

    internal TransitDay(TransitNetwork network, DateOnly date, int feedCount)
    {
        Network = network;
        Date = date;
        FeedCount = feedCount;
        _departures = new Lazy<IReadOnlyList<StopDepartures>>(() => StopFrequency.Compute(network));
        _frequent = new Lazy<IReadOnlyList<TransitStop>>(() => Core.Transit.FrequentStops.Find(network, new CoverageOptions()));
        _maxDepartures = new Lazy<IReadOnlyDictionary<string, int>>(() =>
        {
            var departures = Core.Transit.FrequentStops.DeparturesPerDay(network);
            return network.Stops.ToDictionary(s => s.Id, s => departures[s.Index], StringComparer.Ordinal);
        });
    }

    /// <summary>
    /// Departures per day in a stop's busiest direction, poles with the same name at the same place added
    /// (<see cref="Core.Transit.FrequentStops.DeparturesPerDay"/>), by stop id.
    /// </summary>
    public IReadOnlyDictionary<string, int> MaxDeparturesPerDay => _maxDepartures.Value;

    public TransitNetwork Network { get; }

    public DateOnly Date { get; }

    public int FeedCount { get; }

    /// <summary>The scenarios applied to the feeds of this network, in order (empty: the timetables as published).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Departures per day per stop and direction.</summary>
    public IReadOnlyList<StopDepartures> Departures => _departures.Value;

    /// <summary>Frequent stops with the MLIT thresholds, in stop order.</summary>
    public IReadOnlyList<TransitStop> FrequentStops => _frequent.Value;
}
