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
    public static void WriteResult(Utf8JsonWriter w, DensityResult r, IReadOnlyDictionary<string, string>? zoneKinds = null)
    {
        w.WriteStartObject();
        w.WriteString("method", MethodName(r.Method));
        w.WriteNumber("year", r.Year);
        WriteArea(w, r.Total);
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
