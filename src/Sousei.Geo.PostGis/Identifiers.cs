using System.Text.RegularExpressions;

namespace Sousei.Geo.PostGis;

/// <summary>
/// Validation of the identifiers that reach SQL text: the city code (a JIS X 0401/0402 municipality
/// code, 5 digits, or 6 with the check digit) and the layer names of docs/data-model.md. Values are
/// always parameters; these checks are the second line of defence and give planners clear messages.
/// </summary>
public static partial class Identifiers
{
    /// <summary>Every layer table, in import order.</summary>
    public static IReadOnlyList<string> Layers { get; } =
        ["inducement_area", "households", "town_blocks", "buildings", "zones", "hubs", "vacant_houses"];

    /// <summary>Layers whose rows belong to a year (replaced per year on import).</summary>
    public static IReadOnlyList<string> YearLayers { get; } = ["households", "town_blocks"];

    /// <summary>Layers that hold points only (the layers a lon/lat CSV can fill).</summary>
    public static IReadOnlyList<string> PointLayers { get; } = ["households", "hubs", "vacant_houses"];

    /// <summary>Returns the city code if it is 5 or 6 ASCII digits; throws otherwise.</summary>
    /// <exception cref="ArgumentException">Not a municipality code.</exception>
    public static string City(string? cityCode)
    {
        if (cityCode is null || !CityPattern().IsMatch(cityCode))
        {
            throw new ArgumentException($"city code '{Printable(cityCode)}' is not a JIS municipality code (5 digits, e.g. 43100 for Kumamoto)", nameof(cityCode));
        }

        return cityCode;
    }

    /// <summary>True when <paramref name="cityCode"/> is a municipality code; else <paramref name="problem"/> says why (data, not exception text).</summary>
    public static bool IsCity(string? cityCode, out string? problem)
    {
        problem = cityCode is not null && CityPattern().IsMatch(cityCode)
            ? null
            : $"city code '{Printable(cityCode)}' is not a JIS municipality code (5 digits, e.g. 43100 for Kumamoto)";
        return problem is null;
    }

    /// <summary>Returns the layer name if it is one of <see cref="Layers"/>; throws otherwise.</summary>
    /// <exception cref="ArgumentException">Unknown layer.</exception>
    public static string Layer(string? layer)
    {
        var found = Layers.FirstOrDefault(l => string.Equals(l, layer, StringComparison.Ordinal));
        return found ?? throw new ArgumentException($"layer '{Printable(layer)}' is not one of: {string.Join(", ", Layers)}", nameof(layer));
    }

    /// <summary>Shortens and strips control characters from user input echoed in a message.</summary>
    internal static string Printable(string? s)
    {
        if (s is null)
        {
            return "";
        }

        var clean = new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }

    [GeneratedRegex(@"^[0-9]{5,6}\z")]
    private static partial Regex CityPattern();
}
