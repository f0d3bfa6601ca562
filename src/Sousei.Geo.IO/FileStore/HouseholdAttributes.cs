using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// The rules of the households layer (docs/data-model.md), shared by the file-store reader and the
/// Shapefile and CSV imports: <c>persons</c> an integer ≥ 0, <c>year</c> an integer ≥ <see cref="MinimumYear"/>,
/// optionally <c>persons_0_14</c> and <c>persons_65plus</c> (<see cref="AgeGroupAttributes"/>).
/// The file store's fast path (<see cref="HouseholdLayerReader"/>) accepts exactly what this accepts and
/// hands anything else to it, so the problems are worded here only. Stateless, thread-safe.
/// </summary>
public static class HouseholdAttributes
{
    /// <summary>The smallest year of a household or town-block count (the database CHECKs the same).</summary>
    public const int MinimumYear = 1800;

    /// <summary>The largest year (the database CHECKs the same).</summary>
    public const int MaximumYear = 3000;

    /// <summary>
    /// Most persons one point of the households layer may hold: registry households are a few persons, group quarters
    /// (施設) hundreds, and a point may stand for a whole 町丁目 (a census representative point) of some thousands. More
    /// is a data error (an id or a code in the persons column) and would overflow the sums.
    /// </summary>
    public const int MaximumPersons = 100_000;

    /// <summary>Checks one household's properties and builds it.</summary>
    /// <param name="location">The checked point, longitude/latitude (EPSG:4326).</param>
    /// <param name="get">A property by name, null when absent (as for <see cref="VacantHouseAttributes.Read"/>).</param>
    /// <param name="problem">Receives every problem as (code, message): <c>attribute.persons</c>, <c>attribute.year</c>.</param>
    /// <returns>The household, or null when persons or year is bad.</returns>
    public static Household? Read(Point location, Func<string, object?> get, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(problem);
        var persons = AttributeValues.WholeNumber(get("persons"), "persons", 0, problem, MaximumPersons, "persons of one household point");
        var year = AttributeValues.WholeNumber(get("year"), "year", MinimumYear, problem, MaximumYear);
        var ages = AgeGroupAttributes.TryRead(get, persons, problem, out var children, out var elderly);
        return persons is { } p && year is { } y && ages ? new Household(location.X, location.Y, p, y, children, elderly) : null;
    }
}
