using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>Typed access to feature properties, whatever representation the GeoJSON reader chose.</summary>
internal static class AttributeValues
{
    public static object? Get(IFeature feature, string name)
    {
        var attributes = feature.Attributes;
        if (attributes is null || !attributes.Exists(name))
        {
            return null;
        }

        var value = attributes[name];
        if (value is JsonElement element)
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => element.GetRawText(),
            };
        }

        return value;
    }

    public static string? GetString(IFeature feature, string name) => Get(feature, name) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>Reads an integer; a string of digits counts, a fractional number does not.</summary>
    public static bool TryGetInteger(IFeature feature, string name, out long value, out string? problem)
    {
        value = 0;
        problem = null;
        switch (Get(feature, name))
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
            case decimal m when m == decimal.Truncate(m):
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

    /// <summary>Reads a number (integer or not); a numeric string counts.</summary>
    public static bool TryGetNumber(IFeature feature, string name, out double value, out string? problem)
    {
        value = 0;
        problem = null;
        switch (Get(feature, name))
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
        bool b => b ? "true" : "false",
        _ => o.ToString() ?? "?",
    };
}
