using System.Text.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Json;

/// <summary>JSON of a <see cref="DensityTrendResult"/>, shared by <c>sousei trend</c> and the service.</summary>
public static class DensityTrendJson
{
    /// <summary>The stated model, written with every projection.</summary>
    public const string Model = "compound annual growth rate of population between the first and the last year; area constant";

    /// <summary>Years between the projected points of each row's <c>projection</c> array.</summary>
    public const int ProjectionStepYears = 5;

    public static void Write(Utf8JsonWriter w, DensityTrendResult r, IReadOnlyDictionary<string, string>? zoneKinds = null)
    {
        w.WriteStartObject();
        w.WriteString("method", DensityJson.MethodName(r.Method));
        w.WriteString("model", Model);
        w.WriteNumber("first_year", r.FirstYear);
        w.WriteNumber("last_year", r.LastYear);
        w.WriteNumber("horizon_year", r.HorizonYear);
        w.WriteNumber("target_per_ha", r.Total.TargetPerHectare);
        w.WritePropertyName("total");
        Row(w, r.Total, r.HorizonYear, null);
        w.WriteStartArray("zones");
        foreach (var z in r.Zones)
        {
            Row(w, z, r.HorizonYear, zoneKinds is not null && zoneKinds.TryGetValue(z.Id, out var k) ? k : null);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>snake_case name of a status: meets, crosses, not_by_horizon, no_model.</summary>
    public static string StatusName(TrendStatus s) => s switch
    {
        TrendStatus.Meets => "meets",
        TrendStatus.Crosses => "crosses",
        TrendStatus.NotByHorizon => "not_by_horizon",
        _ => "no_model",
    };

    private static void Row(Utf8JsonWriter w, TrendProjection p, int horizon, string? kind)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        if (kind is not null)
        {
            w.WriteString("kind", kind);
        }

        w.WriteNumber("area_ha", p.AreaHectares);
        w.WriteNumber("population_first", Math.Round(p.PopulationFirst, 4));
        w.WriteNumber("population_last", Math.Round(p.PopulationLast, 4));
        JsonWriting.WriteNumberOrNull(w, "density_last", p.DensityLast);
        JsonWriting.WriteNumberOrNull(w, "annual_growth_rate", VacantAnalysisJson.Round(p.AnnualGrowthRate, 8));
        w.WriteString("status", StatusName(p.Status));
        JsonWriting.WriteNumberOrNull(w, "crossing_year", p.CrossingYear);
        JsonWriting.WriteNumberOrNull(w, "falls_below_year", p.FallsBelowYear);
        w.WriteStartArray("projection");
        if (p.AnnualGrowthRate is not null)
        {
            for (var year = p.LastYear; year <= horizon; year += ProjectionStepYears)
            {
                w.WriteStartObject();
                w.WriteNumber("year", year);
                JsonWriting.WriteNumberOrNull(w, "density_per_ha", VacantAnalysisJson.Round(p.DensityIn(year), 4));
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
