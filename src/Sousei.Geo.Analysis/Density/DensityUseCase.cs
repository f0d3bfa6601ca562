using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Density;

/// <summary><c>density</c>: the inducement area's density against the target, per zone, by one method or per year.</summary>
public sealed class DensityUseCase : IAnalysis<DensityRequest, DensityReport>, ITableOutput<DensityReport>
{
    public static DensityUseCase Instance { get; } = new();

    public string Name => "density";

    public string Summary => "population density of the residential inducement area against the target (60.7 persons/ha)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("method", "households|blocks|buildings", DensityMethods.Help),
        new("year", "Y", "a year of the resident data (default: the latest)"),
        new("target", "P_PER_HA", "target density, persons/ha (default 60.7)"),
        new("trend", null, "density per year for every available method (or the asked one)"),
        new("engine", "memory|sql", "sql: compute in PostGIS (default with a database); memory: load the layers"),
    ];

    public DensityRequest Parse(Parameters p)
    {
        var request = new DensityRequest
        {
            Method = p.Choice("method", DensityMethods.Choices),
            Year = p.Whole("year"),
            TargetPerHectare = p.Number("target") ?? DensityCalculator.DefaultTargetPerHectare,
            Trend = p.Switch("trend"),
            Engine = p.Choice("engine", ("memory", DensityEngineKind.Memory), ("sql", DensityEngineKind.Sql)),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    /// <summary>The memory engine loads the area, zones and the population layers; the SQL engine loads nothing.</summary>
    public CityLayers Layers(DensityRequest request, CityLayers available) => request.Engine == DensityEngineKind.Sql
        ? CityLayers.None
        : CityLayers.InducementArea | CityLayers.Zones | (available & CityLayers.PopulationProjection) | PopulationLayers(request.Trend && request.Method is null ? null : request.Method ?? DefaultMethod(available), available);

    /// <summary>The method used when none is asked: households when the data has them, else blocks.</summary>
    internal static DensityMethod DefaultMethod(CityLayers available) => (available & CityLayers.Households) != 0 ? DensityMethod.Households : DensityMethod.Blocks;

    /// <summary>The layers of one method; null: every method the data holds.</summary>
    internal static CityLayers PopulationLayers(DensityMethod? method, CityLayers available) => method switch
    {
        DensityMethod.Households => CityLayers.Households,
        DensityMethod.Blocks => CityLayers.TownBlocks,
        DensityMethod.Buildings => CityLayers.TownBlocks | CityLayers.Buildings,
        _ => available & (CityLayers.Households | CityLayers.TownBlocks | CityLayers.Buildings),
    };

    public DensityReport Run(City city, DensityRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        var engine = IDensityEngine.For(city, request.Engine);
        if (engine.InMemory)
        {
            city.RequireLayer(CityLayers.InducementArea, "density");
        }

        if (request.Trend)
        {
            var methods = request.Method is { } m ? [DensityMethods.Resolve(engine, m)] : engine.AvailableMethods();
            if (methods.Count == 0)
            {
                DensityMethods.Resolve(engine, null);
            }

            var series = methods.SelectMany(method => engine.Years(method).Select(y => engine.Compute(method, y, request.TargetPerHectare))).ToList();
            return WithBases(city, new DensityReport(series, true, request.TargetPerHectare, engine.ZoneKinds, city.Notes));
        }

        var chosen = DensityMethods.Resolve(engine, request.Method);
        var year = DensityMethods.ResolveYear(engine, chosen, request.Year);
        return WithBases(city, new DensityReport([engine.Compute(chosen, year, request.TargetPerHectare)], false, request.TargetPerHectare, engine.ZoneKinds, city.Notes));
    }

    /// <summary>IF107 from the store's projection layer (memory: the SQL engine's city holds no projection).</summary>
    internal static ProjectedDensityResult? Projection(City city, double targetPerHectare) =>
        city.Has(CityLayers.PopulationProjection) && city.Has(CityLayers.InducementArea)
            ? city.Memo(("projection", targetPerHectare), () => ProjectedDensity.Compute(city.Study, city.Dataset.PopulationProjection, targetPerHectare))
            : null;

    private static DensityReport WithBases(City city, DensityReport report)
    {
        var methods = report.Results.Select(r => r.Method).Distinct().ToList();
        return report with
        {
            Projection = Projection(city, report.TargetPerHectare),
            Bases = methods.ToDictionary(m => m, m => PopulationBases.Of(city, m)),
            StrategyIndicators = methods.Where(m => PopulationBases.IsStrategyIndicator(city, m)).ToHashSet(),
        };
    }

    public void WriteJson(Utf8JsonWriter w, DensityReport r)
    {
        if (!r.Trend)
        {
            DensityJson.WriteResult(w, r.Result, r.ZoneKinds, r.Bases.GetValueOrDefault(r.Result.Method), r.StrategyIndicators.Contains(r.Result.Method), r.Projection);
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("target_per_ha", r.TargetPerHectare);
        if (r.Projection is { } projection)
        {
            w.WritePropertyName("future");
            DensityJson.WriteProjection(w, projection);
        }

        w.WriteStartArray("trend");
        foreach (var result in r.Results)
        {
            DensityJson.WriteResult(w, result, r.ZoneKinds, r.Bases.GetValueOrDefault(result.Method), r.StrategyIndicators.Contains(result.Method));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public IReadOnlyList<Table> Tables(DensityReport result) => DensityTables.Of(result);
}
