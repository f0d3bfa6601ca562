using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Typed access to feature properties, whatever representation the reader chose: a GeoJSON
/// <see cref="JsonElement"/>, or the CLR values of a .dbf (string, int, long, double, decimal,
/// bool, DateTime) or a CSV (string). The value overloads serve readers that are not GeoJSON.
/// </summary>
internal static class AttributeValues
{
    public static object? Get(IFeature feature, string name)
    {
        var attributes = feature.Attributes;
        return attributes is null || !attributes.Exists(name) ? null : Normalize(attributes[name]);
    }

    /// <summary>A <see cref="JsonElement"/> as string, long, double or bool (JSON null as null); other values as they are.</summary>
    public static object? Normalize(object? value) => value is JsonElement element
        ? element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element.GetRawText(),
        }
        : value;

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

    /// <summary>Reads an integer; a string of digits counts, a fractional number does not.</summary>
    public static bool TryGetInteger(IFeature feature, string name, out long value, out string? problem) =>
        TryInteger(Get(feature, name), name, out value, out problem);

    /// <summary>Reads a number (integer or not); a numeric string counts.</summary>
    public static bool TryGetNumber(IFeature feature, string name, out double value, out string? problem) =>
        TryNumber(Get(feature, name), name, out value, out problem);

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
            case double d when Math.Abs(d - Math.Round(d)) < 1e-9 && Math.Abs(d) < 1e15:
                value = (long)Math.Round(d);
                return true;
            case float f when Math.Abs(f - Math.Round(f)) < 1e-9 && Math.Abs(f) < 1e15:
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
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => o.ToString() ?? "?",
    };
}
