using System.Text;
using System.Text.Json;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// A fast path for the common shape of large point layers: a Feature with a Point geometry and flat
/// properties. Reads the coordinates and the wanted properties straight from the UTF-8 bytes, with no
/// geometry or attribute-table objects. Anything else (other geometry types, nested properties) makes
/// <see cref="TryParse"/> return false, and the caller falls back to the full GeoJSON reader.
/// </summary>
internal static class PointFeatureParser
{
    /// <summary>A property value as read: a number, a string, or absent/null/other.</summary>
    public readonly record struct Value(bool Present, double? Number, string? Text, string Raw)
    {
        public static Value Absent => new(false, null, null, "");
    }

    public static bool TryParse(ReadOnlySpan<byte> feature, ReadOnlySpan<string> wanted, Span<Value> values, out double x, out double y, out string? id)
    {
        x = y = double.NaN;
        id = null;
        values.Fill(Value.Absent);
        var reader = new Utf8JsonReader(feature, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var sawGeometry = false;
            var isFeature = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    isFeature = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Feature"u8);
                }
                else if (reader.ValueTextEquals("geometry"u8))
                {
                    reader.Read();
                    if (!ReadPoint(ref reader, out x, out y))
                    {
                        return false;
                    }

                    sawGeometry = true;
                }
                else if (reader.ValueTextEquals("properties"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject || !ReadProperties(ref reader, wanted, values, ref id))
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    var topId = Scalar(ref reader);
                    if (!topId.Present)
                    {
                        return false;
                    }

                    id ??= topId.Raw;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return isFeature && sawGeometry;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A lone surrogate escape or an unrepresentable number: the general reader words the problem.
            return false;
        }
    }

    private static bool ReadPoint(ref Utf8JsonReader reader, out double x, out double y)
    {
        x = y = double.NaN;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var isPoint = false;
        var sawCoordinates = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isPoint = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Point"u8);
            }
            else if (reader.ValueTextEquals("coordinates"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }

                var n = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number)
                    {
                        return false;
                    }

                    if (n == 0)
                    {
                        x = reader.GetDouble();
                    }
                    else if (n == 1)
                    {
                        y = reader.GetDouble();
                    }

                    n++;
                }

                if (n < 2)
                {
                    return false;
                }

                sawCoordinates = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return isPoint && sawCoordinates;
    }

    private static bool ReadProperties(ref Utf8JsonReader reader, ReadOnlySpan<string> wanted, Span<Value> values, ref string? id)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = -1;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (reader.ValueTextEquals(wanted[i]))
                {
                    slot = i;
                    break;
                }
            }

            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (slot >= 0)
                {
                    return false;
                }

                reader.Skip();
                continue;
            }

            var value = Scalar(ref reader);
            if (slot >= 0)
            {
                values[slot] = value;
            }

            if (isId && value.Present)
            {
                id = value.Raw;
            }
        }

        return true;
    }

    private static Value Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => new Value(true, reader.GetDouble(), null, Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.String => new Value(true, null, reader.GetString(), reader.GetString() ?? ""),
        JsonTokenType.True => new Value(true, null, null, "true"),
        JsonTokenType.False => new Value(true, null, null, "false"),
        _ => Value.Absent,
    };
}
