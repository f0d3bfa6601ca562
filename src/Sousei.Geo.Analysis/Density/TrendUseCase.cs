using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Density;

/// <summary><c>trend</c>: density per zone projected by compound annual growth, and the year each crosses the target.</summary>
public sealed class TrendUseCase : IAnalysis<TrendRequest, TrendReport>, ITableOutput<TrendReport>
{
    public static TrendUseCase Instance { get; } = new();

    public string Name => "trend";

    public string Summary => "density projected per zone (compound annual growth) and the year each crosses the target";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("method", "households|blocks|buildings", DensityMethods.Help),
        new("from", "Y", "first year of the model (default: the first year of the data for the method)"),
        new("to", "Y", "last year (default: the latest year)"),
        new("horizon", "Y", "last year searched for a crossing (default 2100)"),
        new("target", "P_PER_HA", "target density, persons/ha (default 60.7)"),
    ];

    public TrendRequest Parse(Parameters p)
    {
        var request = new TrendRequest
        {
            Method = p.Choice("method", DensityMethods.Choices),
            FromYear = p.Whole("from"),
            ToYear = p.Whole("to"),
            HorizonYear = p.Whole("horizon") ?? DensityTrend.DefaultHorizonYear,
            TargetPerHectare = p.Number("target") ?? DensityCalculator.DefaultTargetPerHectare,
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(TrendRequest request, CityLayers available) => CityLayers.InducementArea | CityLayers.Zones | DensityUseCase.PopulationLayers(request.Method ?? DensityUseCase.DefaultMethod(available), available);

    public TrendReport Run(City city, TrendRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        city.RequireLayer(CityLayers.InducementArea, "the trend");
        var engine = IDensityEngine.For(city, DensityEngineKind.Memory);
        var method = DensityMethods.Resolve(engine, request.Method);
        var first = DensityMethods.ResolveYear(engine, method, request.FromYear, "from", first: true);
        var last = DensityMethods.ResolveYear(engine, method, request.ToYear, "to");
        if (first > last)
        {
            throw new RequestException("from", RequestProblem.Conflict, $"{first} is after to = {last}");
        }

        if (request.HorizonYear < last)
        {
            throw new RequestException("horizon", RequestProblem.Range, $"{request.HorizonYear} is before the last year of the model ({last})");
        }

        var history = new[] { first, last }.Distinct().Select(y => engine.Compute(method, y, request.TargetPerHectare)).ToList();
        var projection = DensityTrend.Project(history, request.HorizonYear);
        var notes = city.Notes.ToList();
        if (first == last)
        {
            var years = engine.Years(method);
            notes.Insert(0, years.Count < 2
                ? $"a trend needs two years of population; the data has only {first} for the {DensityMethods.Name(method)} method, so its density is shown without a projection"
                : $"from = to = {first}: a trend needs two different years, so that year's density is shown without a projection");
        }

        return new TrendReport(projection, city.ZoneKinds, notes);
    }

    public void WriteJson(Utf8JsonWriter w, TrendReport r) => DensityTrendJson.Write(w, r.Projection, r.ZoneKinds);

    public IReadOnlyList<Table> Tables(TrendReport result) => TrendTables.Of(result);
}
