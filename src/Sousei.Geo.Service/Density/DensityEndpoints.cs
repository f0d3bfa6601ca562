using Sousei.Geo.Core.Density;
using Sousei.Geo.IO.Analysis;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Features;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Density;

/// <summary><c>GET /api/density</c>: the inducement area's density, the same numbers as <c>sousei density --format json</c>.</summary>
internal static class DensityEndpoints
{
    // The data never changes after start, so each distinct question is computed once (bounded: a few methods × years × targets).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CityData, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IResult>>> Cache = [];

    public static IEndpointRouteBuilder MapDensity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/density", Density).WithTags("Density")
            .WithSummary("Density of the residential inducement area (method, year, target, trend)");
        return app;
    }

    private static IResult Density(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["method", "year", "target", "trend"]);
        var key = string.Join("|", q.String("method"), q.String("year"), q.String("target"), q.String("trend"));
        var cache = Cache.GetOrCreateValue(data);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        if (cache.Count >= 256)
        {
            return Compute(q, data);
        }

        // Lazy: concurrent first requests compute once. A bad parameter throws from Value; drop that entry so the error is not cached.
        var lazy = cache.GetOrAdd(key, _ => new Lazy<IResult>(() => Compute(q, data), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (BadParameterException)
        {
            cache.TryRemove(key, out _);
            throw;
        }
    }

    private static IResult Compute(QueryReader q, CityData data)
    {
        var target = q.Double("target", 0.0001, 100_000) ?? DensityCalculator.DefaultTargetPerHectare;
        var trend = q.Bool("trend") ?? false;
        DensityMethod? asked = q.String("method") switch
        {
            null => null,
            "households" => DensityMethod.Households,
            "blocks" => DensityMethod.Blocks,
            "buildings" => DensityMethod.Buildings,
            var other => throw new BadParameterException("method", $"'{QueryReader.Shorten(other)}' is not households, blocks or buildings"),
        };
        var year = q.Int("year", 0, 1800, 3000);
        var dataset = data.Dataset;
        if (trend)
        {
            var methods = asked is { } m ? [m] : DensityAnalysis.AvailableMethods(dataset);
            foreach (var method in methods)
            {
                Require(data, method);
            }

            var series = methods.SelectMany(method => DensityAnalysis.Trend(data.Study, dataset, method, target)).ToList();
            return OgcEndpoints.Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("target_per_ha", target);
                w.WriteStartArray("trend");
                foreach (var r in series)
                {
                    DensityJson.WriteResult(w, r, data.ZoneKinds);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var methods0 = DensityAnalysis.AvailableMethods(dataset);
        if (asked is null && methods0.Count == 0)
        {
            throw new BadParameterException("method", "the data has no population layer (households, town_blocks or mesh_population_<year>.csv)");
        }

        var chosen = asked ?? methods0[0];
        Require(data, chosen);
        var years = DensityAnalysis.Years(dataset, chosen);
        if (year > 0 && !years.Contains(year))
        {
            throw new BadParameterException("year", $"{year} is not in the data for the {DensityJson.MethodName(chosen)} method (years: {string.Join(", ", years)})");
        }

        var result = DensityCalculator.Compute(data.Study, dataset, chosen, year > 0 ? year : years[^1], target);
        return OgcEndpoints.Json(w => DensityJson.WriteResult(w, result, data.ZoneKinds));
    }

    private static void Require(CityData data, DensityMethod method)
    {
        if (DensityAnalysis.Unavailable(data.Dataset, method) is { } why)
        {
            throw new BadParameterException("method", why);
        }
    }
}
