using System.Text.Json;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Service.Density;

/// <summary>
/// Density results as JSON with the keys and numbers of <c>sousei density --format json</c> (method, year,
/// population, area_ha, density_per_ha, target_per_ha, meets_target, gap_persons, zones[id, name, kind, …]).
/// </summary>
internal static class DensityJson
{
    public static string MethodName(DensityMethod m) => m.ToString().ToLowerInvariant();

    public static void WriteArea(Utf8JsonWriter w, AreaDensity d)
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

    public static void WriteResult(Utf8JsonWriter w, DensityResult r, IReadOnlyDictionary<string, string> zoneKinds)
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
            if (zoneKinds.TryGetValue(z.Id, out var kind))
            {
                w.WriteString("kind", kind);
            }

            WriteArea(w, z);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
