using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>Which vacant houses to export or count: the one filter language, and a longitude/latitude box.</summary>
public sealed record VacantExportRequest
{
    public string? Filter { get; init; }

    public Envelope? Bbox { get; init; }
}

/// <summary>The matching houses (in survey order) and how many the survey holds.</summary>
public sealed record VacantExportResult(IReadOnlyList<VacantHouseRecord> Houses, int Total);

/// <summary>
/// <c>export vacant</c>: vacant houses as one RFC 7946 GeoJSON file (<see cref="VacantHouseExporter"/>, streamed), the
/// same bytes from the CLI and <c>/api/export/vacant_houses.geojson</c>; its JSON is the count. Filter keys that need
/// the ranking (<c>min_score</c>, <c>max_minutes_to_central</c>) are refused: export the ranking with <c>vacant rank</c>.
/// </summary>
public sealed class VacantExportUseCase : IAnalysis<VacantExportRequest, VacantExportResult>
{
    public static VacantExportUseCase Instance { get; } = new();

    public string Name => "export vacant";

    public string Summary => "vacant houses as RFC 7946 GeoJSON (no personal data), filtered";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("filter", "EXPR", "only houses matching EXPR (the filter language of vacant rank; min_score and max_minutes_to_central need the ranking)"),
        new("bbox", "minLon,minLat,maxLon,maxLat", "only houses whose point lies in this box (CRS84)"),
    ];

    public VacantExportRequest Parse(Parameters p)
    {
        var request = new VacantExportRequest { Filter = p.Text("filter"), Bbox = p.Bbox("bbox") };
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(VacantExportRequest request, CityLayers available) => CityLayers.VacantHouses | CityLayers.InducementArea | CityLayers.Zones | CityLayers.Hubs | CityLayers.Gtfs;

    public VacantExportResult Run(City city, VacantExportRequest request)
    {
        var filter = VacantRanking.Filter(city, request.Filter, "filter");
        if (filter is not null && filter.NeedsRanking)
        {
            throw new RequestException("filter", RequestProblem.Conflict, "min_score and max_minutes_to_central need the ranking: use vacant rank --format geojson (or /api/vacant/ranking?format=geojson)");
        }

        if (filter is not null && filter.KeysUsed.Contains("max_frequent_stop_distance_m") && !city.Has(CityLayers.Gtfs))
        {
            throw new RequestException("filter", RequestProblem.Conflict, "max_frequent_stop_distance_m needs GTFS feeds (gtfs/), and the data has none");
        }

        var houses = city.VacantHouses.Where(r => (filter is null || filter.Matches(r.Measures)) && (request.Bbox is null || request.Bbox.Covers(r.Longitude, r.Latitude))).ToList();
        return new VacantExportResult(houses, city.VacantHouses.Count);
    }

    public void WriteJson(Utf8JsonWriter w, VacantExportResult r)
    {
        w.WriteStartObject();
        w.WriteNumber("count", r.Houses.Count);
        w.WriteNumber("total", r.Total);
        w.WriteEndObject();
    }
}
