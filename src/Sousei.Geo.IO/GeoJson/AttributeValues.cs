using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Typed access to feature properties, whatever representation the reader chose: a GeoJSON
/// <see cref="JsonElement"/>, or the CLR values of a .dbf (string, int, long, double, decimal,
/// bool, DateTime) or a CSV (string). The value overloads serve readers that are not GeoJSON, such as
/// the Shapefile and CSV imports into PostGIS. Stateless, thread-safe.
/// </summary>
public static class AttributeValues
{
    /// <summary>Property <paramref name="name"/> of <paramref name="feature"/>, normalised (<see cref="Normalize"/>); null when absent.</summary>
    public static object? Get(IFeature feature, string name)
    {
        var attributes = feature.Attributes;
        if (attributes is JsonElementAttributesTable json)
        {
            // Straight from the JSON: the table's own indexer boxes numbers as decimal and throws on 1e400.
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var element) ? Normalize(element) : null;
        }

        return attributes is null || !attributes.Exists(name) ? null : Normalize(attributes[name]);
    }

    /// <summary>
    /// A <see cref="JsonElement"/> as string, long, double or bool (JSON null as null); other values as they are. A number
    /// that fits no double (1e400, a thousand digits) stays its text, and so does a string that is no valid UTF-16 (a
    /// lone surrogate escape such as \ud800): the rules of each field then word the problem, nothing throws.
    /// </summary>
    public static object? Normalize(object? value) => value is JsonElement element
        ? element.ValueKind switch
        {
            JsonValueKind.String => StringOrRaw(element),
            JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.TryGetDouble(out var d) && double.IsFinite(d) ? d : element.GetRawText(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element.GetRawText(),
        }
        : value;

    private static string StringOrRaw(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return element.GetRawText();
        }
    }

    /// <summary>Property <paramref name="name"/> of <paramref name="feature"/> as text (<see cref="Text"/>); null when absent.</summary>
    public static string? GetString(IFeature feature, string name) => Text(Get(feature, name));

    /// <summary>A value as text: numbers in the invariant culture, a .dbf date at midnight as YYYY-MM-DD.</summary>
    public static string? Text(object? value) => Normalize(value) switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>An integer from the value of property <paramref name="name"/>; a string of digits counts, a fractional number does not.</summary>
    public static bool TryInteger(object? raw, string name, out long value, out string? problem)
    {
        value = 0;
        problem = null;
        switch (Normalize(raw))
        {
            case null:
                problem = $"property '{name}' is missing";
                return false;
            case long l:
                value = l;
                return true;
            case int i:
                value = i;
                return true;
            case double d when IsWhole(d):
                value = (long)Math.Round(d);
                return true;
            case float f when IsWhole(f):
                value = (long)Math.Round(f);
                return true;
            case decimal m when m == decimal.Truncate(m) && Math.Abs(m) < 1e15m:
                value = (long)m;
                return true;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            case var other:
                problem = $"property '{name}' must be an integer, found {Describe(other)}";
                return false;
        }
    }

    /// <summary>Whether a number read as a double is a whole number, exactly representable as a long.</summary>
    public static bool IsWhole(double d) => Math.Abs(d - Math.Round(d)) < 1e-9 && Math.Abs(d) < 1e15;

    /// <summary>
    /// An integer from <paramref name="min"/> to <paramref name="max"/> (default <see cref="int.MaxValue"/>) from the
    /// value of property <paramref name="name"/> (as <see cref="TryInteger(object?, string, out long, out string?)"/>);
    /// anything else, a missing value too, goes to <paramref name="problem"/> with code <c>attribute.&lt;name&gt;</c>,
    /// the message naming both bounds.
    /// </summary>
    /// <returns>The value, or null when there was a problem.</returns>
    public static int? WholeNumber(object? raw, string name, long min, Action<string, string> problem, long max = int.MaxValue, string? why = null)
    {
        if (!TryInteger(raw, name, out var value, out var message))
        {
            problem("attribute." + name, message!);
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == int.MaxValue && value < min ? $"≥ {min}" : $"from {min} to {max}";
            problem("attribute." + name, string.Create(CultureInfo.InvariantCulture, $"property '{name}' is {value}; it must be a whole number {range}{(why is null ? "" : " (" + why + ")")}"));
            return null;
        }

        return (int)value;
    }

    /// <summary>A finite number from the value of property <paramref name="name"/>; a numeric string counts.</summary>
    public static bool TryNumber(object? raw, string name, out double value, out string? problem)
    {
        value = 0;
        problem = null;
        switch (Normalize(raw))
        {
            case null:
                problem = $"property '{name}' is missing";
                return false;
            case long l:
                value = l;
                return true;
            case int i:
                value = i;
                return true;
            case double d when double.IsFinite(d):
                value = d;
                return true;
            case float f when float.IsFinite(f):
                value = f;
                return true;
            case decimal m:
                value = (double)m;
                return true;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                value = parsed;
                return true;
            case var other:
                problem = $"property '{name}' must be a number, found {Describe(other)}";
                return false;
        }
    }

    private static string Describe(object o) => o switch
    {
        string s => $"\"{s}\"",
        System.Collections.IEnumerable e => "a list " + JsonSerializer.Serialize(e.Cast<object?>().Take(5).Select(x => x?.ToString())),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => o.ToString() ?? "?",
    };
}
