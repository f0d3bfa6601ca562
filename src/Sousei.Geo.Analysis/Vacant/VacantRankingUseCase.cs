using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>The ranking: shared parameters, the top N, a filter (the one filter language) and the output form.</summary>
public sealed record VacantRankingRequest
{
    public RankingParameters Ranking { get; init; } = new();

    /// <summary>Null: every matching house.</summary>
    public int? Top { get; init; }

    public string? Filter { get; init; }

    internal void Validate(Parameters p)
    {
        Ranking.Validate(p);
        p.Check(Top is null or >= 1, "top", "must be a whole number ≥ 1");
    }
}

/// <summary>The ranked houses, the rows asked for (filtered, top N) and the notes.</summary>
public sealed record VacantRankingReport(VacantRankingResult Ranking, IReadOnlyList<RankedVacantHouse> Rows, IReadOnlyList<string> Notes);

/// <summary><c>vacant rank</c>: vacant houses scored for bringing them back into use (docs/analysis.md). Owner fields never leave.</summary>
public sealed class VacantRankingUseCase : IAnalysis<VacantRankingRequest, VacantRankingReport>, IGeoJsonOutput<VacantRankingReport>, ITableOutput<VacantRankingReport>
{
    public static VacantRankingUseCase Instance { get; } = new();

    public string Name => "vacant rank";

    public string Summary => "vacant houses (空き家) ranked for bringing them back into use inside the inducement area";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("top", "N", "only the N best houses (default: all)"),
        new("filter", "EXPR", "only houses matching EXPR: key=value conditions separated by commas, alternatives with | (docs/analysis.md), e.g. inside=true,decay_rank=low|medium"),
        .. RankingParameters.Specs,
    ];

    public VacantRankingRequest Parse(Parameters p)
    {
        var request = new VacantRankingRequest
        {
            Ranking = RankingParameters.Parse(p),
            Top = p.Whole("top"),
            Filter = p.Text("filter"),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(VacantRankingRequest request, CityLayers available) => VacantRanking.Layers;

    public VacantRankingReport Run(City city, VacantRankingRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        var filter = VacantRanking.Filter(city, request.Filter, "filter");
        var ranked = VacantRanking.Rank(city, request.Ranking);
        VacantRanking.CheckInputs(filter, ranked.Ranking, "filter");
        var rows = ranked.Ranking.Houses.Where(h => filter is null || filter.Matches(h)).Take(request.Top ?? int.MaxValue).ToList();
        return new VacantRankingReport(ranked.Ranking, rows, ranked.Notes);
    }

    public void WriteJson(Utf8JsonWriter w, VacantRankingReport r) => VacantAnalysisJson.WriteRanking(w, r.Ranking, r.Rows, r.Notes);

    public void WriteGeoJson(Utf8JsonWriter w, VacantRankingReport r) => VacantAnalysisJson.WriteRankingGeoJson(w, r.Ranking, r.Rows, r.Notes);

    public IReadOnlyList<Table> Tables(VacantRankingReport result) => VacantRankingTables.Of(result);
}
