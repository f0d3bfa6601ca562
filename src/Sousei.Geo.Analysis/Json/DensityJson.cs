using System.Text.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Json;

/// <summary>
/// JSON of a <see cref="DensityResult"/>, shared by <c>sousei density --format json</c> and the service's density
/// endpoints: method, year, population (rounded to 1e-4), area_ha, density_per_ha (null without area),
/// target_per_ha, meets_target, gap_persons, and zones [id, name, kind when known, the same numbers].
/// </summary>
public static class DensityJson
{
    /// <summary>The method's name in output and options: households, blocks, buildings.</summary>
    public static string MethodName(DensityMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>Writes the result as one JSON object; <paramref name="zoneKinds"/> (zone id → kind) adds each zone's kind.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="r">The result.</param>
    /// <param name="zoneKinds">Zone id → kind, or null.</param>
    /// <param name="basis">Whose count the population is; written as population_basis unless unknown.</param>
    /// <param name="strategyIndicator">Whether this figure is the strategy's indicator (written as strategy_indicator when a basis is given).</param>
    /// <param name="projection">IF107, written as <c>future</c> when given.</param>
    public static void WriteResult(Utf8JsonWriter w, DensityResult r, IReadOnlyDictionary<string, string>? zoneKinds = null, Core.Model.PopulationBasis basis = Core.Model.PopulationBasis.Unknown, bool strategyIndicator = false, ProjectedDensityResult? projection = null)
    {
        w.WriteStartObject();
        w.WriteString("method", MethodName(r.Method));
        w.WriteNumber("year", r.Year);
        if (basis != Core.Model.PopulationBasis.Unknown)
        {
            w.WriteString("population_basis", Density.PopulationBases.Key(basis));
            w.WriteBoolean("strategy_indicator", strategyIndicator);
        }

        WriteArea(w, r.Total);
        if (r.CityPopulation is { } city)
        {
            // IF101 居住誘導区域内人口割合 (docs/analysis.md, "National indicators").
            w.WriteNumber("city_population", Math.Round(city, 4));
            w.WriteNumberOrNull("share_of_city_population", r.ShareOfCityPopulation, 6);
        }

        if (projection is not null)
        {
            w.WritePropertyName("future");
            WriteProjection(w, projection);
        }

        w.WriteStartArray("zones");
        foreach (var z in r.Zones)
        {
            w.WriteStartObject();
            w.WriteString("id", z.Id);
            w.WriteString("name", z.Name);
            if (zoneKinds is not null && zoneKinds.TryGetValue(z.Id, out var kind))
            {
                w.WriteString("kind", kind);
            }

            WriteArea(w, z);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// IF107 as JSON: the part of the area the projection covers, then per year the projected persons inside and the
    /// density of the covered part against the target.
    /// </summary>
    public static void WriteProjection(Utf8JsonWriter w, ProjectedDensityResult p)
    {
        w.WriteStartObject();
        w.WriteString("indicator", "IF107");
        w.WriteString("name", "居住誘導区域内の将来人口密度");
        w.WriteNumber("cells", p.Cells);
        w.WriteNumber("covered_ha", Math.Round(p.CoveredHectares, 4));
        w.WriteNumber("covered_share", Math.Round(p.CoveredShare, 6));
        w.WriteStartArray("years");
        foreach (var (year, d) in p.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("year", year);
            WriteArea(w, d);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteArea(Utf8JsonWriter w, AreaDensity d)
    {
        w.WriteNumber("population", Math.Round(d.Population, 4));
        w.WriteNumber("area_ha", d.AreaHectares);
        if (d.DensityPerHectare is { } density)
        {
            w.WriteNumber("density_per_ha", density);
        }
        else
        {
            w.WriteNull("density_per_ha");
        }

        w.WriteNumber("target_per_ha", d.TargetPerHectare);
        w.WriteBoolean("meets_target", d.MeetsTarget);
        w.WriteNumber("gap_persons", d.GapPersons);
    }
}
