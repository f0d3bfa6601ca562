using System.Runtime.InteropServices;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// A geocoded resident-registry household: a point in longitude/latitude (degrees), its persons and the registry
/// year, and optionally how many of its persons are aged 0–14 and 65 or over (null: not known).
/// </summary>
public readonly record struct Household(double Longitude, double Latitude, int Persons, int Year, int? Persons0To14 = null, int? Persons65Plus = null)
{
    /// <summary>The households as a span, for loops over millions of them (a list's own storage, not a copy, when it is one).</summary>
    public static ReadOnlySpan<Household> Span(IReadOnlyList<Household> households) => households switch
    {
        List<Household> list => CollectionsMarshal.AsSpan(list),
        Household[] array => array,
        _ => households.ToArray(),
    };
}
