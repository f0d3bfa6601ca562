using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the future-population layer <c>population_projection.geojson</c> (docs/data-model.md), in the form of
/// 国土数値情報 500 m メッシュ別将来推計人口: a cell code (<c>mesh_id</c>, or <c>code</c>) and one property
/// <c>ptn_YYYY</c> per year, a number of persons ≥ 0 (not necessarily whole: the product projects fractions). A null
/// <c>ptn_YYYY</c> is a year the cell does not project (秘匿 or merged); every cell needs at least one year.
/// Stateless, thread-safe.
/// </summary>
public static class ProjectionAttributes
{
    /// <summary>The property prefix of the projected totals.</summary>
    public const string Prefix = "ptn_";

    /// <summary>Checks one cell's properties and builds it; null when any is bad (each problem reported).</summary>
    public static ProjectionCell? Read(IFeature feature, Geometry area, Action<string, string> problem)
    {
        var code = AttributeValues.GetString(feature, "mesh_id") ?? AttributeValues.GetString(feature, "code");
        if (string.IsNullOrWhiteSpace(code))
        {
            problem("attribute.code", "property 'mesh_id' (or 'code') is missing");
        }

        var years = new Dictionary<int, double>();
        var bad = false;
        foreach (var name in feature.Attributes?.GetNames() ?? [])
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.Length != Prefix.Length + 4
                || !int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            var raw = feature.Attributes![name];
            if (AttributeValues.Normalize(raw) is null)
            {
                continue;
            }

            if (year is < HouseholdAttributes.MinimumYear or > HouseholdAttributes.MaximumYear)
            {
                problem("attribute.year", $"property '{name}': year {year} is outside {HouseholdAttributes.MinimumYear}–{HouseholdAttributes.MaximumYear}");
                bad = true;
            }
            else if (!AttributeValues.TryNumber(raw, name, out var persons, out var why))
            {
                problem("attribute.persons", why!);
                bad = true;
            }
            else if (persons is < 0 or > TownBlockAttributes.MaximumPersons)
            {
                problem("attribute.persons", $"property '{name}' is {persons.ToString(CultureInfo.InvariantCulture)}; projected persons of one cell must be from 0 to {TownBlockAttributes.MaximumPersons:N0}");
                bad = true;
            }
            else
            {
                years[year] = persons;
            }
        }

        if (years.Count == 0 && !bad)
        {
            problem("attribute.persons", "no projected population: the cell needs at least one property ptn_YYYY (persons in year YYYY)");
            bad = true;
        }

        return string.IsNullOrWhiteSpace(code) || bad ? null : new ProjectionCell(code, area, years);
    }
}
