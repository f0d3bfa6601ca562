using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// The city's transit layer for one service day, with per-stop departures and the frequent stops used by
/// vacant-house distances: rail/tram stops, and bus stops with at least
/// <see cref="CoverageOptions.MinBusDeparturesPerDay"/> departures a day in one direction (the MLIT
/// thresholds of <see cref="CoverageOptions"/>). The hub matrix is computed once on first use. Thread-safe.
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
        var byStop = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Departures)
        {
            byStop[row.StopId] = Math.Max(byStop.GetValueOrDefault(row.StopId), row.DeparturesPerDay);
        }

        MaxDeparturesPerDay = byStop;
        FrequentStops = network.Stops
            .Where(s => s.IsRail || byStop.GetValueOrDefault(s.Id) >= coverageOptions.MinBusDeparturesPerDay)
            .ToList();
        _matrix = new Lazy<HubConnectivityResult?>(() => dataset.Hubs.Count < 2 ? null : HubConnectivity.Compute(network, dataset.Hubs, Options));
        _coverage = new Lazy<CoverageResult>(() => TransitCoverage.Compute(network, dataset.Households, dataset.InducementArea, coverageOptions));
    }

    public TransitNetwork Network { get; }

    /// <summary>Routing defaults (07:00–09:00, 800 m access) shared with the command line.</summary>
    public TransitOptions Options { get; }

    /// <summary>Departures per day per stop and direction.</summary>
    public IReadOnlyList<StopDepartures> Departures { get; }

    /// <summary>Largest departures per day over a stop's directions, by stop id.</summary>
    public IReadOnlyDictionary<string, int> MaxDeparturesPerDay { get; }

    /// <summary>Rail stops and bus stops with enough departures (see the type's summary).</summary>
    public IReadOnlyList<TransitStop> FrequentStops { get; }

    /// <summary>The hub matrix with the default options, or null with fewer than two hubs.</summary>
    public HubConnectivityResult? HubMatrix => _matrix.Value;

    /// <summary>The MLIT walkable-area coverage of households.</summary>
    public CoverageResult Coverage => _coverage.Value;
}
