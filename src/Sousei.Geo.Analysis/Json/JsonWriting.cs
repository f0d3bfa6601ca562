using System.Text.Json;

namespace Sousei.Geo.Analysis.Json;

/// <summary>Small writing rules shared by every JSON answer of the CLI and the service.</summary>
public static class JsonWriting
{
    /// <summary>Writes the number (rounded to <paramref name="digits"/> when given), or null when absent or not finite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double? value, int? digits = null)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, digits is { } d ? Math.Round(v, d) : v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <inheritdoc cref="WriteNumberOrNull(Utf8JsonWriter, string, double?, int?)"/>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value, int? digits = null)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, digits is { } d ? Math.Round(v, d) : v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
