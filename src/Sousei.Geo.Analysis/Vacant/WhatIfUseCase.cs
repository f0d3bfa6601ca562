using System.Text.Json;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>
/// The what-if: which houses are lived in again (exactly one of <see cref="OccupyTop"/>, <see cref="OccupyFilter"/>,
/// <see cref="OccupyIds"/>), persons per household (default: zone averages), the density baseline and the ranking.
/// </summary>
public sealed record WhatIfRequest
{
    public int? OccupyTop { get; init; }

    public string? OccupyFilter { get; init; }

    public IReadOnlyList<string>? OccupyIds { get; init; }

    public double? PersonsPerHousehold { get; init; }

    public DensityMethod? Method { get; init; }

    public int? Year { get; init; }

    public double TargetPerHectare { get; init; } = DensityCalculator.DefaultTargetPerHectare;

    public RankingParameters Ranking { get; init; } = new();

    internal void Validate(Parameters p)
    {
        var chosen = (OccupyTop is null ? 0 : 1) + (OccupyFilter is null ? 0 : 1) + (OccupyIds is null ? 0 : 1);
        if (chosen != 1)
        {
            p.Add("occupy_top", chosen == 0 ? RequestProblem.Required : RequestProblem.Conflict, chosen == 0
                ? "choose the houses with occupy_top N, occupy_filter EXPR or occupy_ids"
                : "give only one of occupy_top, occupy_filter and occupy_ids");
        }

        p.Check(OccupyTop is null or >= 0, "occupy_top", "must be a whole number ≥ 0");
        if (OccupyIds is { } ids)
        {
            if (ids.Count == 0)
            {
                p.Add("occupy_ids", RequestProblem.Required, "name at least one vacant house id");
            }

            var twice = ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => Parameters.Echo(g.Key)).ToList();
            if (twice.Count > 0)
            {
                p.Add("occupy_ids", RequestProblem.Format, $"listed more than once: {string.Join(", ", twice.Take(10))}");
            }
        }

        p.Check(PersonsPerHousehold is null or (> 0 and <= 100), "persons_per_household", "must be a number > 0 (and at most 100)");
        p.Check(TargetPerHectare is >= 0.0001 and <= 100_000, "target", "must be a number from 0.0001 to 100000 persons/ha");
        p.Check(Year is null or (>= 1800 and <= 3000), "year", "must be a year from 1800 to 3000");
        Ranking.Validate(p);
    }
}

/// <summary>The density before and after, the houses needed to reach the target, the household sizes used and the notes.</summary>
public sealed record WhatIfReport(WhatIfResult Result, TargetReachResult Reach, HouseholdSizes Sizes, IReadOnlyDictionary<string, string> ZoneKinds, IReadOnlyList<string> Notes);

/// <summary><c>whatif</c>: density and gap after chosen vacant houses are lived in again; houses needed to reach the target.</summary>
public sealed class WhatIfUseCase : IAnalysis<WhatIfRequest, WhatIfReport>
{
    public static WhatIfUseCase Instance { get; } = new();

    public string Name => "whatif";

    public string Summary => "density and gap after chosen vacant houses are lived in again; houses needed to reach the target";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("occupy_top", "N", "the N best houses of the ranking (vacant rank)"),
        new("occupy_filter", "EXPR", "every ranked house matching EXPR (the filter language of vacant rank)"),
        new("occupy_ids", "IDS", "survey ids, comma separated (the CLI takes a file: one id per line, # comments)"),
        new("persons_per_household", "X", "persons moving into each house (default: the average household size of the smallest zone covering the house)"),
        new("method", "households|blocks|buildings", "the density baseline (default: households when the data has them)"),
        new("year", "Y", "year of the baseline (default: the latest)"),
        new("target", "P_PER_HA", "target density, persons/ha (default 60.7)"),
        .. RankingParameters.Specs,
    ];

    public WhatIfRequest Parse(Parameters p)
    {
        var ids = p.Text("occupy_ids")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new WhatIfRequest
        {
            OccupyTop = p.Whole("occupy_top"),
            OccupyFilter = p.Text("occupy_filter"),
            OccupyIds = ids,
            PersonsPerHousehold = p.Number("persons_per_household"),
            Method = p.Choice("method", DensityMethods.Choices),
            Year = p.Whole("year"),
            TargetPerHectare = p.Number("target") ?? DensityCalculator.DefaultTargetPerHectare,
            Ranking = RankingParameters.Parse(p),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(WhatIfRequest request, CityLayers available) => VacantRanking.Layers | DensityUseCase.PopulationLayers(request.Method ?? DensityUseCase.DefaultMethod(available), available) | CityLayers.Households;

    public WhatIfReport Run(City city, WhatIfRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        var filter = VacantRanking.Filter(city, request.OccupyFilter, "occupy_filter");
        city.RequireLayer(CityLayers.InducementArea, "the what-if");
        var engine = IDensityEngine.For(city, DensityEngineKind.Memory);
        var method = DensityMethods.Resolve(engine, request.Method);
        var year = DensityMethods.ResolveYear(engine, method, request.Year);
        if (request.PersonsPerHousehold is null && city.Dataset.Households.All(h => h.Persons <= 0))
        {
            throw new RequestException("persons_per_household", RequestProblem.Required, "the data has no households to take an average household size from; give persons_per_household");
        }

        var ranked = VacantRanking.Rank(city, request.Ranking);
        VacantRanking.CheckInputs(filter, ranked.Ranking, "occupy_filter");
        var houses = ranked.Ranking.Houses;
        IReadOnlyList<VacantHouseSite> occupy = request.OccupyIds is { } ids ? ById(ids, ranked.Ranking)
            : filter is not null ? houses.Where(filter.Matches).Select(h => h.Site).ToList()
            : houses.Take(request.OccupyTop!.Value).Select(h => h.Site).ToList();
        var baseline = engine.Compute(method, year, request.TargetPerHectare);
        int? sizeYear = city.Dataset.HouseholdYears.Contains(year) ? year : null;
        var sizes = request.PersonsPerHousehold is { } fixedSize ? HouseholdSizes.Fixed(fixedSize)
            : city.Memo(("sizes", sizeYear), () => HouseholdSizes.FromHouseholds(city.Study, city.Dataset.Households, sizeYear));
        var result = WhatIf.Compute(city.Study, baseline, occupy, sizes);
        var reach = city.Memo(("reach", method, year, request.TargetPerHectare, request.Ranking, request.PersonsPerHousehold),
            () => TargetReach.Compute(city.Study, baseline, houses.Select(h => h.Site).ToList(), sizes));
        return new WhatIfReport(result, reach, sizes, city.ZoneKinds, ranked.Notes);
    }

    private static List<VacantHouseSite> ById(IReadOnlyList<string> ids, VacantRankingResult ranking)
    {
        var byId = ranking.Houses.ToDictionary(h => h.Id, h => h.Site, StringComparer.Ordinal);
        var demolished = ranking.NotRankedIds.ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(i => !byId.ContainsKey(i) && !demolished.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            throw new RequestException("occupy_ids", RequestProblem.Choice, $"no vacant house has id {string.Join(", ", unknown.Take(10).Select(u => $"'{Requests.Parameters.Echo(u)}'"))}{(unknown.Count > 10 ? $" (and {unknown.Count - 10} more)" : "")}");
        }

        var gone = ids.Where(demolished.Contains).ToList();
        if (gone.Count > 0)
        {
            throw new RequestException("occupy_ids", RequestProblem.Choice, $"demolished, cannot be lived in again: {string.Join(", ", gone.Take(10))}");
        }

        return ids.Select(i => byId[i]).ToList();
    }

    public void WriteJson(Utf8JsonWriter w, WhatIfReport r) => VacantAnalysisJson.WriteWhatIf(w, r.Result, r.Reach, r.Sizes, r.ZoneKinds, r.Notes);
}
