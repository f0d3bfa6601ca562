using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.Analysis;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Features;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Vacant;

/// <summary>
/// The vacant-house analyses over HTTP, answering with the same JSON as the command line
/// (<see cref="VacantAnalysisJson"/>, <see cref="DensityTrendJson"/>); bad input is 400 ProblemDetails:
/// <list type="bullet">
/// <item><c>GET /api/vacant/ranking</c> — as <c>sousei vacant rank</c>: <c>format</c> (json|geojson), <c>top</c>, <c>filter</c>, <c>weights</c></item>
/// <item><c>GET /api/vacant/whatif</c> — as <c>sousei whatif</c>: one of <c>occupy_top</c>, <c>occupy_filter</c>, <c>occupy_ids</c>
/// (comma separated); <c>persons_per_household</c>, <c>method</c>, <c>year</c>, <c>target</c>, <c>weights</c></item>
/// <item><c>GET /api/trend</c> — as <c>sousei trend</c>: <c>method</c>, <c>from</c>, <c>to</c>, <c>horizon</c>, <c>target</c></item>
/// </list>
/// Transit inputs of the ranking (travel times from every house to the central hub) are computed once per city.
/// Owner fields are never written.
/// </summary>
internal static class VacantAnalysisEndpoints
{
    private static readonly ConditionalWeakTable<CityData, Lazy<(VacantRankingInputs? Inputs, IReadOnlyList<string> Notes)>> TransitInputs = [];

    // The data never changes after start, so rankings, baselines and household sizes are computed once per
    // distinct question and shared by every later request (the viewer's what-if panel asks many times).
    // Bounded: every distinct weights / target / household size is a new key, and a ranking holds every house,
    // so past MemoCapacity entries further questions are computed without being kept.
    private static readonly ConditionalWeakTable<CityData, ConcurrentDictionary<object, Lazy<object>>> Memo = [];

    internal const int MemoCapacity = 64;

    private static T Cached<T>(CityData data, object key, Func<T> compute)
        where T : class
    {
        var memo = Memo.GetValue(data, _ => new ConcurrentDictionary<object, Lazy<object>>());
        if (!memo.TryGetValue(key, out var lazy))
        {
            if (memo.Count >= MemoCapacity)
            {
                return compute();
            }

            lazy = memo.GetOrAdd(key, _ => new Lazy<object>(() => compute()));
        }

        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            // A Lazy keeps its exception; drop the entry so that one failure is not answered forever.
            memo.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>How many computed results are kept for <paramref name="data"/> (at most <see cref="MemoCapacity"/>).</summary>
    internal static int CachedResults(CityData data) => Memo.TryGetValue(data, out var memo) ? memo.Count : 0;

    public static IEndpointRouteBuilder MapVacantAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/vacant/ranking", Ranking).WithTags("Vacant houses")
            .WithSummary("Vacant houses ranked for bringing them back into use (same JSON as sousei vacant rank)");
        app.MapGet("/api/vacant/whatif", WhatIfResult).WithTags("Vacant houses")
            .WithSummary("Density and gap after chosen vacant houses are lived in again, and houses needed to reach the target");
        app.MapGet("/api/trend", Trend).WithTags("Density")
            .WithSummary("Density projected per zone (compound annual growth) and the year each crosses the target");
        return app;
    }

    private static IResult Ranking(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["format", "top", "filter", "weights"]);
        var format = q.String("format") ?? "json";
        if (format is not ("json" or "geojson"))
        {
            throw new BadParameterException("format", $"'{QueryReader.Shorten(format)}' is not json or geojson");
        }

        var top = q.Int("top", int.MaxValue, 1, int.MaxValue);
        var filter = ParseFilter("filter", q.String("filter"), data);
        var (ranking, notes) = Rank(data, ParseWeights(q.String("weights")));
        CheckFilterInputs("filter", filter, ranking);
        var rows = ranking.Houses.Where(h => filter is null || filter.Matches(h)).Take(top).ToList();
        return format == "geojson"
            ? OgcEndpoints.Json(w => VacantAnalysisJson.WriteRankingGeoJson(w, ranking, rows, notes), "application/geo+json")
            : OgcEndpoints.Json(w => VacantAnalysisJson.WriteRanking(w, ranking, rows, notes));
    }

    private static IResult WhatIfResult(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["occupy_top", "occupy_filter", "occupy_ids", "persons_per_household", "method", "year", "target", "weights"]);
        var top = q.Int("occupy_top", 0, 1, int.MaxValue);
        var filterText = q.String("occupy_filter");
        var idsText = q.String("occupy_ids");
        var chosen = (top > 0 ? 1 : 0) + (filterText is null ? 0 : 1) + (idsText is null ? 0 : 1);
        if (chosen != 1)
        {
            throw new BadParameterException("occupy_top", chosen == 0
                ? "choose the houses with occupy_top, occupy_filter or occupy_ids"
                : "give only one of occupy_top, occupy_filter and occupy_ids");
        }

        double? size = null;
        if (q.String("persons_per_household") is { } sizeText)
        {
            size = double.TryParse(sizeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0 && v <= 100
                ? v
                : throw new BadParameterException("persons_per_household", $"'{QueryReader.Shorten(sizeText)}' must be a number > 0 (and at most 100)");
        }

        var target = q.Double("target", 0.0001, 100_000) ?? DensityCalculator.DefaultTargetPerHectare;
        var method = ParseMethod(q.String("method"), data);
        var years = DensityAnalysis.Years(data.Dataset, method);
        var year = q.Int("year", years[^1], 1800, 3000);
        if (!years.Contains(year))
        {
            throw new BadParameterException("year", $"{year} is not in the data for the {method.ToString().ToLowerInvariant()} method (years: {string.Join(", ", years)})");
        }

        var filter = ParseFilter("occupy_filter", filterText, data);
        if (size is null && data.Dataset.Households.All(h => h.Persons <= 0))
        {
            throw new BadParameterException("persons_per_household", "the data has no households to take an average household size from; give persons_per_household");
        }

        var (ranking, notes) = Rank(data, ParseWeights(q.String("weights")));
        CheckFilterInputs("occupy_filter", filter, ranking);
        var ranked = ranking.Houses;
        IReadOnlyList<VacantHouseSite> occupy = idsText is not null ? ById(idsText, ranking)
            : filter is not null ? ranked.Where(filter.Matches).Select(h => h.Site).ToList()
            : ranked.Take(top).Select(h => h.Site).ToList();
        var baseline = Cached(data, ("baseline", method, year, target), () => DensityCalculator.Compute(data.Study, data.Dataset, method, year, target));
        int? sizeYear = data.Dataset.HouseholdYears.Contains(year) ? year : null;
        var sizes = size is { } s ? HouseholdSizes.Fixed(s)
            : Cached(data, ("sizes", sizeYear), () => HouseholdSizes.FromHouseholds(data.Study, data.Dataset.Households, sizeYear));
        var result = WhatIf.Compute(data.Study, baseline, occupy, sizes);
        var reach = Cached(data, ("reach", method, year, target, ParseWeights(q.String("weights")), size), () => TargetReach.Compute(data.Study, baseline, ranked.Select(h => h.Site).ToList(), sizes));
        return OgcEndpoints.Json(w => VacantAnalysisJson.WriteWhatIf(w, result, reach, sizes, data.ZoneKinds, notes));
    }

    private static IResult Trend(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["method", "from", "to", "horizon", "target"]);
        var target = q.Double("target", 0.0001, 100_000) ?? DensityCalculator.DefaultTargetPerHectare;
        var method = ParseMethod(q.String("method"), data);
        var years = DensityAnalysis.Years(data.Dataset, method);
        var from = q.Int("from", years[0], 1800, 3000);
        var to = q.Int("to", years[^1], 1800, 3000);
        var horizon = q.Int("horizon", DensityTrend.DefaultHorizonYear, 1800, 3000);
        foreach (var (name, y) in new[] { ("from", from), ("to", to) })
        {
            if (!years.Contains(y))
            {
                throw new BadParameterException(name, $"{y} is not in the data for the {method.ToString().ToLowerInvariant()} method (years: {string.Join(", ", years)})");
            }
        }

        if (from > to)
        {
            throw new BadParameterException("from", $"{from} is after to = {to}");
        }

        if (horizon < to)
        {
            throw new BadParameterException("horizon", $"{horizon} is before the last year of the model ({to})");
        }

        var history = new[] { from, to }.Distinct().Select(y => DensityCalculator.Compute(data.Study, data.Dataset, method, y, target)).ToList();
        var result = DensityTrend.Project(history, horizon);
        return OgcEndpoints.Json(w => DensityTrendJson.Write(w, result, data.ZoneKinds));
    }

    private static (VacantRankingResult Ranking, List<string> Notes) Rank(CityData data, VacantRankingWeights weights)
    {
        var (ranking, notes) = Cached(data, ("rank", weights), () =>
        {
            var computed = RankUncached(data, weights);
            return Tuple.Create(computed.Ranking, computed.Notes);
        }).ToValueTuple();
        return (ranking, notes.ToList());
    }

    private static (VacantRankingResult Ranking, List<string> Notes) RankUncached(CityData data, VacantRankingWeights weights)
    {
        var (inputs, transitNotes) = TransitInputs.GetValue(data, d => new Lazy<(VacantRankingInputs?, IReadOnlyList<string>)>(() => BuildInputs(d))).Value;
        var ranking = VacantHouseRanking.Rank(data.Study, data.Dataset.VacantHouses, data.Dataset.Hubs, weights, inputs);
        var notes = transitNotes.ToList();
        notes.AddRange(ranking.TermsLeftOut.Select(t => "term left out: " + t));
        if (ranking.NotRankedIds.Count > 0)
        {
            notes.Add($"not ranked (demolished): {ranking.NotRankedIds.Count} houses");
        }

        notes.AddRange(data.Notes);
        return (ranking, notes);
    }

    private static (VacantRankingInputs?, IReadOnlyList<string>) BuildInputs(CityData data)
    {
        if (data.Transit is not { } transit)
        {
            return (null, ["ranked without transit terms: the data has no GTFS feeds (gtfs/)"]);
        }

        var sites = VacantHouseSite.LocateAll(data.Study, data.Dataset.VacantHouses);
        var (inputs, notes) = VacantTransitInputs.Build(transit.Network, data.Dataset.Hubs, sites, transit.Options);
        return (inputs, notes);
    }

    private static VacantRankingWeights ParseWeights(string? text)
    {
        try
        {
            return VacantRankingWeights.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new BadParameterException("weights", e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static VacantHouseFilter? ParseFilter(string parameter, string? text, CityData data)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return VacantHouseFilter.Parse(text, data.ZoneKinds.Keys.ToList());
        }
        catch (ArgumentException e)
        {
            throw new BadParameterException(parameter, e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static void CheckFilterInputs(string parameter, VacantHouseFilter? filter, VacantRankingResult ranking)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.KeysUsed.Contains("max_frequent_stop_distance_m") && !ranking.TermsUsed.Contains("frequent_stop"))
        {
            throw new BadParameterException(parameter, "max_frequent_stop_distance_m needs GTFS feeds (gtfs/) for the frequent stops, and the data has none");
        }

        if (filter.KeysUsed.Contains("max_minutes_to_central") && !ranking.TermsUsed.Contains("transit"))
        {
            throw new BadParameterException(parameter, "max_minutes_to_central needs GTFS feeds (gtfs/) and a central hub, and the data has no travel times");
        }
    }

    private static DensityMethod ParseMethod(string? text, CityData data)
    {
        var available = DensityAnalysis.AvailableMethods(data.Dataset);
        DensityMethod method = text switch
        {
            null when available.Count > 0 => available[0],
            null => throw new BadParameterException("method", "the data has no population layer (households, town_blocks or mesh_population_<year>.csv)"),
            "households" => DensityMethod.Households,
            "blocks" => DensityMethod.Blocks,
            "buildings" => DensityMethod.Buildings,
            _ => throw new BadParameterException("method", $"'{QueryReader.Shorten(text)}' is not households, blocks or buildings"),
        };
        if (DensityAnalysis.Unavailable(data.Dataset, method) is { } why)
        {
            throw new BadParameterException("method", why);
        }

        return method;
    }

    private static List<VacantHouseSite> ById(string text, VacantRankingResult ranking)
    {
        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw new BadParameterException("occupy_ids", "name at least one vacant house id (comma separated)");
        }

        var byId = ranking.Houses.ToDictionary(h => h.Id, h => h.Site, StringComparer.Ordinal);
        var demolished = ranking.NotRankedIds.ToHashSet(StringComparer.Ordinal);
        var twice = ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new BadParameterException("occupy_ids", $"listed more than once: {string.Join(", ", twice.Take(10).Select(QueryReader.Shorten))}");
        }

        var unknown = ids.Where(i => !byId.ContainsKey(i) && !demolished.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadParameterException("occupy_ids", $"no vacant house has id {string.Join(", ", unknown.Take(10).Select(u => $"'{QueryReader.Shorten(u)}'"))}");
        }

        var gone = ids.Where(demolished.Contains).ToList();
        if (gone.Count > 0)
        {
            throw new BadParameterException("occupy_ids", $"demolished, cannot be lived in again: {string.Join(", ", gone.Take(10))}");
        }

        return ids.Select(i => byId[i]).ToList();
    }
}
