using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>Hub-to-hub travel times: the routing parameters and the percentiles over the departures (nearest rank).</summary>
public sealed record HubMatrixRequest
{
    public TransitParameters Transit { get; init; } = new();

    public IReadOnlyList<int> Percentiles { get; init; } = HubConnectivity.DefaultPercentiles;

    /// <summary>Arrive-by deadline, seconds after midnight: the latest departure per pair that still arrives by then; null: none asked.</summary>
    public int? ArriveBySeconds { get; init; }
}

/// <summary><c>hubs</c>: connectivity of the central and regional hubs by range-RAPTOR over the timetables. Needs hubs and GTFS only.</summary>
public sealed class HubMatrixUseCase : IAnalysis<HubMatrixRequest, HubConnectivityResult>, ITableOutput<HubConnectivityResult>
{
    public static HubMatrixUseCase Instance { get; } = new();

    public string Name => "hubs";

    public string Summary => "connectivity of the central and regional hubs by public transport (GTFS, range-RAPTOR)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        .. TransitParameters.Specs,
        new("percentiles", "P,P,…", "travel-time percentiles over the departures, nearest rank (default 10,50,90)"),
        new("arrive_by", "HH:MM", "also give, per pair, the latest departure (to the minute, within the 3 hours before) that arrives by this time"),
    ];

    public HubMatrixRequest Parse(Parameters p)
    {
        var request = new HubMatrixRequest
        {
            Transit = TransitParameters.Parse(p),
            Percentiles = p.WholeList("percentiles", 1, 100) ?? HubConnectivity.DefaultPercentiles,
            ArriveBySeconds = p.Time("arrive_by"),
        };
        Validate(request, p);
        p.ThrowIfAny();
        return request;
    }

    private static void Validate(HubMatrixRequest r, Parameters p)
    {
        p.Check(r.ArriveBySeconds is null or (>= 0 and <= 48 * 3600), "arrive_by", "must be a time from 00:00 to 48:00");
        r.Transit.Validate(p);
        p.Check(r.Percentiles.Count > 0 && r.Percentiles.All(x => x is >= 1 and <= 100), "percentiles", "must be whole numbers from 1 to 100");
    }

    public CityLayers Layers(HubMatrixRequest request, CityLayers available) => CityLayers.Hubs | CityLayers.Gtfs;

    public HubConnectivityResult Run(City city, HubMatrixRequest request)
    {
        Requests.Parameters.Validate(p => Validate(request, p));
        city.RequireLayer(CityLayers.Hubs | CityLayers.Gtfs, "the hub matrix");
        if (city.Dataset.Hubs.Count < 2)
        {
            throw new RequestException("data", RequestProblem.MissingLayer, $"the hub matrix needs at least two hubs in hubs.geojson, and the data has {city.Dataset.Hubs.Count}");
        }

        var day = city.Transit(request.Transit.Date, request.Transit.Scenarios);
        return city.Memo(("hubs", day.Date, request.Transit.Key, string.Join(",", request.Percentiles), request.ArriveBySeconds), () =>
        {
            var result = HubConnectivity.Compute(day.Network, city.Dataset.Hubs, request.Transit.ToOptions(), request.Percentiles);
            return request.ArriveBySeconds is { } deadline
                ? result with { ArriveBySeconds = deadline, ArriveByPairs = ArriveBy.Compute(day.Network, city.Dataset.Hubs, request.Transit.ToOptions(), deadline) }
                : result;
        });
    }

    public void WriteJson(Utf8JsonWriter w, HubConnectivityResult r) => HubConnectivityJson.Write(w, r);

    public IReadOnlyList<Table> Tables(HubConnectivityResult result) => HubTables.Of(result);
}
