using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the town-blocks layer (docs/data-model.md), shared by the file-store reader and the
/// Shapefile import: a <c>code</c>, a <c>name</c> (the code when absent), <c>persons</c> an integer ≥ 0
/// and <c>year</c> an integer ≥ <see cref="HouseholdAttributes.MinimumYear"/>, optionally
/// <c>persons_0_14</c> and <c>persons_65plus</c> (<see cref="AgeGroupAttributes"/>). Stateless, thread-safe.
/// </summary>
public static class TownBlockAttributes
{
    /// <summary>Most persons one population unit may hold (the densest 町丁目 and 500 m cells of Japan hold tens of thousands).</summary>
    public const int MaximumPersons = 1_000_000;

    /// <summary>Checks one block's properties and builds it.</summary>
    /// <param name="area">The checked polygon or multipolygon, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent (as for <see cref="VacantHouseAttributes.Read"/>).</param>
    /// <param name="problem">Receives every problem as (code, message): <c>attribute.code</c>, <c>attribute.persons</c>, <c>attribute.year</c>.</param>
    /// <returns>The block, or null when any of code, persons and year is bad.</returns>
    public static TownBlock? Read(Geometry area, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        var code = AttributeValues.Text(get("code"));
        if (string.IsNullOrWhiteSpace(code))
        {
            problem("attribute.code", "property 'code' is missing");
        }

        var persons = AttributeValues.WholeNumber(get("persons"), "persons", 0, problem, MaximumPersons, "persons of one population unit");
        var year = AttributeValues.WholeNumber(get("year"), "year", HouseholdAttributes.MinimumYear, problem, HouseholdAttributes.MaximumYear);
        var ages = AgeGroupAttributes.TryRead(get, persons, problem, out var children, out var elderly);
        return string.IsNullOrWhiteSpace(code) || persons is not { } p || year is not { } y || !ages ? null
            : new TownBlock(code, AttributeValues.Text(get("name")) ?? code, area, p, y, children, elderly);
    }
}
