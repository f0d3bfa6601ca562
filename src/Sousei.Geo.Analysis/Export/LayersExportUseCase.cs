using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Layers;

namespace Sousei.Geo.Analysis.Export;

/// <summary>
/// <c>export layers</c>: the planner's layers for a desktop GIS (docs/api.md, "GeoPackage layers"), each made from
/// the result of the analysis that owns it, nothing recomputed here: <c>inducement_area</c> and <c>zones</c> from
/// <see cref="DensityUseCase"/>, <c>population_units</c> from the loaded units, <c>hubs</c> with the median minutes
/// to and from the central hub of <see cref="HubMatrixUseCase"/>, <c>stops</c> with the departures and the frequent
/// flag of <see cref="FrequentStops"/> (the rule of coverage and frequency), <c>coverage_catchments</c> as the
/// union of <see cref="TransitCoverage.Catchments"/> per kind, and <c>vacant_houses</c> with the public fields of
/// the vacant-house GeoJSON export only. Geometries in the city's plane zone (EPSG:6670 for Kumamoto). A layer the
/// data cannot give is left out and named in <see cref="LayersExportResult.Skipped"/>.
/// </summary>
public sealed class LayersExportUseCase : IAnalysis<LayersExportRequest, LayersExportResult>
{
    public static LayersExportUseCase Instance { get; } = new();

    public string Name => "export layers";

    public string Summary => "the planner's layers (density, zones, population units, hubs, stops, catchments, vacant houses) for QGIS";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("method", "households|blocks|buildings", "density method of inducement_area and zones (default: households when the data has them, else blocks)"),
        new("year", "Y", "year of the resident data (default: the latest)"),
        new("target", "P_PER_HA", "target density, persons/ha (default 60.7)"),
        TransitParameters.DateSpec,
        TransitParameters.ScenarioSpec,
    ];

    public LayersExportRequest Parse(Parameters p)
    {
        var request = new LayersExportRequest
        {
            Method = p.Choice("method", DensityMethods.Choices),
            Year = p.Whole("year"),
            TargetPerHectare = p.Number("target") ?? DensityCalculator.DefaultTargetPerHectare,
            Date = p.Date("date"),
            Scenarios = TransitParameters.ParseScenarios(p),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(LayersExportRequest request, CityLayers available) =>
        DensityUseCase.Instance.Layers(request.Density, available) | CityLayers.InducementArea | CityLayers.Zones | CityLayers.Hubs | CityLayers.TownBlocks | CityLayers.VacantHouses | CityLayers.Gtfs;

    public LayersExportResult Run(City city, LayersExportRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        var layers = new List<VectorLayer>();
        var skipped = new List<SkippedLayer>();
        var density = Density(city, request, skipped);
        if (density is not null)
        {
            layers.Add(LayerBuilder.InducementArea(city, density));
            layers.Add(LayerBuilder.Zones(city, density));
        }

        var unitYear = density is { Result.Method: not DensityMethod.Households } ? density.Result.Year : (int?)null;
        if (city.Has(CityLayers.TownBlocks))
        {
            layers.Add(LayerBuilder.PopulationUnits(city, unitYear ?? city.LatestBlockYear!.Value));
        }
        else
        {
            skipped.Add(new SkippedLayer("population_units", $"the data has no {LayerNames.Describe(CityLayers.TownBlocks)}"));
        }

        var day = city.Has(CityLayers.Gtfs) ? city.Transit(request.Date, request.Scenarios) : null;
        if (city.Has(CityLayers.Hubs))
        {
            HubConnectivityResult? matrix = null;
            if (day is not null && city.Dataset.Hubs.Count >= 2)
            {
                matrix = HubMatrixUseCase.Instance.Run(city, new HubMatrixRequest { Transit = new TransitParameters { Date = day.Date, Scenarios = request.Scenarios } });
            }

            layers.Add(LayerBuilder.Hubs(city, matrix));
        }
        else
        {
            skipped.Add(new SkippedLayer("hubs", $"the data has no {LayerNames.Describe(CityLayers.Hubs)}"));
        }

        if (day is not null)
        {
            layers.Add(LayerBuilder.Stops(day));
            layers.Add(LayerBuilder.Catchments(day));
        }
        else
        {
            skipped.Add(new SkippedLayer("stops", $"the data has no {LayerNames.Describe(CityLayers.Gtfs)}"));
            skipped.Add(new SkippedLayer("coverage_catchments", $"the data has no {LayerNames.Describe(CityLayers.Gtfs)}"));
        }

        if (city.Has(CityLayers.VacantHouses))
        {
            layers.Add(LayerBuilder.VacantHouses(city));
        }
        else
        {
            skipped.Add(new SkippedLayer("vacant_houses", $"the data has no {LayerNames.Describe(CityLayers.VacantHouses)}"));
        }

        // Defence in depth: whatever a later edit adds, no layer may carry a restricted owner field.
        var leak = layers.SelectMany(l => l.Fields.Select(f => (Layer: l.Name, f.Name))).FirstOrDefault(f => VacantHouseJson.RestrictedProperties.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
        if (leak != default)
        {
            throw new InvalidOperationException($"{leak.Layer}.{leak.Name} is a restricted field and is never exported");
        }

        return new LayersExportResult(layers, skipped, city.Projection, day?.Date, density is null ? null : DensityJson.MethodName(density.Result.Method), density?.Result.Year);
    }

    /// <summary>The density of the request, or null (and both density layers skipped) when the data has no area or residents.</summary>
    private static DensityReport? Density(City city, LayersExportRequest request, List<SkippedLayer> skipped)
    {
        string reason;
        if (!city.Has(CityLayers.InducementArea))
        {
            reason = $"the data has no {LayerNames.Describe(CityLayers.InducementArea)}";
        }
        else
        {
            try
            {
                return DensityUseCase.Instance.Run(city, request.Density);
            }
            catch (RequestException e) when (e.IsDataProblem)
            {
                reason = string.Join("; ", e.Problems.Select(p => p.Message));
            }
        }

        skipped.Add(new SkippedLayer("inducement_area", reason));
        skipped.Add(new SkippedLayer("zones", reason));
        return null;
    }

    public void WriteJson(Utf8JsonWriter w, LayersExportResult r)
    {
        w.WriteStartObject();
        w.WriteString("crs", $"EPSG:{r.Crs.Epsg}");
        if (r.ServiceDate is { } date)
        {
            w.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("date");
        }

        w.WriteString("density_method", r.DensityMethod);
        w.WriteNumberOrNull("density_year", r.DensityYear);
        w.WriteStartArray("layers");
        foreach (var layer in r.Layers)
        {
            w.WriteStartObject();
            w.WriteString("name", layer.Name);
            w.WriteString("geometry_type", layer.GeometryType.ToString());
            w.WriteNumber("features", layer.Features.Count);
            w.WriteStartArray("fields");
            foreach (var f in layer.Fields)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("type", f.Type.ToString().ToLowerInvariant());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var s in r.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
