using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// The city's transit layer for one service day, with per-stop departures and the frequent stops
/// (<see cref="Core.Transit.FrequentStops"/>, the MLIT definition shared with coverage and the vacant-house
/// analyses) used by vacant-house distances. The hub matrix is computed once on first use. Thread-safe.
/// </summary>
public sealed class TransitData
{
    private readonly Lazy<HubConnectivityResult?> _matrix;
    private readonly Lazy<CoverageResult> _coverage;

    public TransitData(TransitNetwork network, CityDataset dataset)
    {
        Network = network;
        Options = new TransitOptions();
        var coverageOptions = new CoverageOptions();
        Departures = StopFrequency.Compute(network);
        var departures = Core.Transit.FrequentStops.DeparturesPerDay(network);
        var byStop = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in network.Stops)
        {
            byStop[s.Id] = departures[s.Index];
        }

        MaxDeparturesPerDay = byStop;
        FrequentStops = Core.Transit.FrequentStops.Find(network, coverageOptions);
        _matrix = new Lazy<HubConnectivityResult?>(() => dataset.Hubs.Count < 2 ? null : HubConnectivity.Compute(network, dataset.Hubs, Options));
        _coverage = new Lazy<CoverageResult>(() => TransitCoverage.Compute(network, dataset.Households, dataset.InducementArea, coverageOptions));
    }

    public TransitNetwork Network { get; }

    /// <summary>Routing defaults (07:00–09:00, 800 m access) shared with the command line.</summary>
    public TransitOptions Options { get; }

    /// <summary>Departures per day per stop and direction.</summary>
    public IReadOnlyList<StopDepartures> Departures { get; }

    /// <summary>
    /// Departures per day in a stop's busiest direction, poles with the same name at the same place added
    /// (<see cref="Core.Transit.FrequentStops.DeparturesPerDay"/>), by stop id.
    /// </summary>
    public IReadOnlyDictionary<string, int> MaxDeparturesPerDay { get; }

    /// <summary>The frequent stops of <see cref="Core.Transit.FrequentStops.Find"/>, in stop order.</summary>
    public IReadOnlyList<TransitStop> FrequentStops { get; }

    /// <summary>The hub matrix with the default options, or null with fewer than two hubs.</summary>
    public HubConnectivityResult? HubMatrix => _matrix.Value;

    /// <summary>The MLIT walkable-area coverage of households.</summary>
    public CoverageResult Coverage => _coverage.Value;
}
