using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Reads the features of a GeoJSON FeatureCollection (RFC 7946) one by one through
/// NetTopologySuite.IO.GeoJSON4STJ. A first pass finds each feature's bytes, so that one malformed
/// feature is reported with its index and line and the rest are still read; features are then
/// parsed in parallel. Geometries get SRID 4326.
/// </summary>
public static class GeoJsonFeatureReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    /// <summary>A parsed feature with its 0-based index and 1-based line in the file.</summary>
    public readonly record struct IndexedFeature(int Index, long Line, IFeature Feature);

    /// <summary>
    /// Reads every feature of <paramref name="utf8"/>. Problems (malformed JSON, not a
    /// FeatureCollection, a feature that does not parse) go to <paramref name="problems"/>; the
    /// features that parsed are returned in file order.
    /// </summary>
    public static List<IndexedFeature> Read(ReadOnlyMemory<byte> utf8, string fileName, ProblemCollector problems)
    {
        var slices = FindFeatures(utf8.Span, fileName, problems);
        if (slices is null)
        {
            return [];
        }

        var parsed = new IFeature?[slices.Count];
        var errors = new string?[slices.Count];
        Parallel.For(0, slices.Count, i =>
        {
            var (start, length) = slices[i];
            if (FeatureTypeProblem(utf8.Span.Slice(start, length)) is { } typeProblem)
            {
                errors[i] = typeProblem;
                return;
            }

            try
            {
                parsed[i] = JsonSerializer.Deserialize<IFeature>(utf8.Span.Slice(start, length), Options);
                if (parsed[i] is null)
                {
                    errors[i] = "feature is null";
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
            {
                errors[i] = "cannot parse feature: " + FirstLine(e.Message);
            }
        });

        var result = new List<IndexedFeature>(slices.Count);
        var lines = new LineIndex(utf8.Span);
        for (var i = 0; i < slices.Count; i++)
        {
            var line = lines.LineOf(slices[i].Start);
            if (errors[i] is { } error)
            {
                problems.Add(new DataProblem("geojson.feature", fileName, error, i, null, line));
            }
            else
            {
                result.Add(new IndexedFeature(i, line, parsed[i]!));
            }
        }

        return result;
    }

    internal static List<(int Start, int Length)>? FindFeatures(ReadOnlySpan<byte> utf8, string fileName, ProblemCollector problems)
    {
        if (EncodingProblem(utf8) is { } encoding)
        {
            problems.Add(new DataProblem("geojson.encoding", fileName, encoding.Message, Line: encoding.Line));
            return null;
        }

        if (LoneSurrogate(utf8) is { } surrogate)
        {
            problems.Add(new DataProblem("geojson.syntax", fileName, "a string holds a lone UTF-16 surrogate escape (\\u" + surrogate.Hex + "), which is no text; write the character itself or a valid pair", Line: surrogate.Line));
            return null;
        }

        // RFC 8259 §8.1 lets a parser ignore a byte-order mark, and Windows tools often write one; the reader
        // starts after it and every offset is shifted back, so slices and lines still index the whole file.
        var bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(utf8[bom..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var slices = new List<(int, int)>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(new DataProblem("geojson.not_feature_collection", fileName, "expected a GeoJSON FeatureCollection object at the top level", Line: 1));
                return null;
            }

            string? type = null;
            var sawFeatures = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    sawFeatures = true;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        slices.Add((start + bom, (int)reader.BytesConsumed - start));
                    }
                }
                else if (name == "crs")
                {
                    var crsStart = (int)reader.TokenStartIndex + bom;
                    reader.Skip();
                    if (CrsProblem(utf8[crsStart..((int)reader.BytesConsumed + bom)]) is { } crsProblem)
                    {
                        problems.Add(new DataProblem("geojson.crs", fileName, crsProblem));
                        return null;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (type != "FeatureCollection" || !sawFeatures)
            {
                problems.Add(new DataProblem("geojson.not_feature_collection", fileName, $"expected \"type\": \"FeatureCollection\" with a \"features\" array (found type '{type ?? "none"}')"));
                return null;
            }
        }
        catch (JsonException e)
        {
            problems.Add(new DataProblem("geojson.syntax", fileName, "not valid JSON: " + FirstLine(e.Message), Line: (e.LineNumber ?? 0) + 1));
            return null;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new DataProblem("geojson.syntax", fileName, "a member name or string holds an escape that is no text (a lone UTF-16 surrogate such as \\ud800)", Line: new LineIndex(utf8).LineOf((int)reader.TokenStartIndex + bom)));
            return null;
        }

        // Exactly one JSON value: anything after the collection but white space (a second collection, a file
        // concatenated with itself, NUL padding, garbage) is refused rather than ignored.
        var end = (int)reader.BytesConsumed + bom;
        var rest = utf8[end..];
        var trailing = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (trailing >= 0)
        {
            var b = rest[trailing];
            var what = b == 0 ? "NUL bytes" : b is (byte)'{' or (byte)'[' ? "a second JSON value" : $"'{(char)b}'";
            problems.Add(new DataProblem("geojson.trailing_data", fileName, $"{what} after the end of the FeatureCollection: a layer file holds exactly one JSON value", Line: new LineIndex(utf8).LineOf(end + trailing)));
            return null;
        }

        return slices;
    }

    /// <summary>Longitude/latitude CRS names a legacy <c>crs</c> member may carry (RFC 7946 dropped the member).</summary>
    private static readonly string[] LonLatCrsNames =
    [
        "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84", "CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326",
        "EPSG:6668", "urn:ogc:def:crs:EPSG::6668", "EPSG:4612", "urn:ogc:def:crs:EPSG::4612",
    ];

    /// <summary>
    /// Null when a legacy <c>crs</c> member names longitude/latitude (<c>{"type": "name", "properties": {"name": …}}</c>
    /// with one of <see cref="LonLatCrsNames"/>), else why it is refused: any other CRS, or any other shape.
    /// </summary>
    internal static string? CrsProblem(ReadOnlySpan<byte> crs)
    {
        var text = System.Text.Encoding.UTF8.GetString(crs);
        const string Fix = "write RFC 7946 longitude/latitude without a crs member (e.g. ogr2ogr -t_srs EPSG:4326 -lco RFC7946=YES)";
        try
        {
            using var doc = JsonDocument.Parse(crs.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "name"
                && root.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
                && props.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var value = name.GetString()!;
                return LonLatCrsNames.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"declares the CRS '{Cut(value)}', not longitude/latitude; {Fix}";
            }

            return $"has a crs member of an unknown shape ({Cut(text)}); expected {{\"type\": \"name\", \"properties\": {{\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}}}, or better none: {Fix}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return $"has a crs member that cannot be read ({Cut(text)}); {Fix}";
        }
    }

    private static string Cut(string s) => s.Length <= 120 ? s : s[..120] + "…";

    /// <summary>
    /// The first <c>\uXXXX</c> escape that is half of a UTF-16 pair without its other half (RFC 8259 allows the bytes but
    /// they are no text), or null. Escaped backslashes (<c>\\u</c>) are no escape.
    /// </summary>
    internal static (string Hex, long Line)? LoneSurrogate(ReadOnlySpan<byte> utf8)
    {
        var from = 0;
        while (true)
        {
            var i = utf8[from..].IndexOf("\\u"u8);
            if (i < 0)
            {
                return null;
            }

            i += from;
            from = i + 2;
            var slashes = 0;
            for (var k = i; k >= 0 && utf8[k] == (byte)'\\'; k--)
            {
                slashes++;
            }

            if (slashes % 2 == 0 || !Hex4(utf8, i + 2, out var unit))
            {
                continue; // an escaped backslash followed by u, or no hex digits (the JSON reader words that)
            }

            var high = unit is >= 0xD800 and <= 0xDBFF;
            var low = unit is >= 0xDC00 and <= 0xDFFF;
            if (high && i + 11 < utf8.Length && utf8[i + 6] == (byte)'\\' && utf8[i + 7] == (byte)'u' && Hex4(utf8, i + 8, out var next) && next is >= 0xDC00 and <= 0xDFFF)
            {
                from = i + 12;
                continue;
            }

            if (high || low)
            {
                return (unit.ToString("x4", System.Globalization.CultureInfo.InvariantCulture), 1L + utf8[..i].Count((byte)'\n'));
            }
        }
    }

    private static bool Hex4(ReadOnlySpan<byte> utf8, int at, out int value)
    {
        value = 0;
        if (at + 4 > utf8.Length)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var c = utf8[at + k];
            var d = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | d;
        }

        return true;
    }

    /// <summary>Null when a feature's top level says <c>"type": "Feature"</c>, else the problem.</summary>
    internal static string? FeatureTypeProblem(ReadOnlySpan<byte> feature)
    {
        var reader = new Utf8JsonReader(feature, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "a feature must be a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Feature"u8) ? null
                        : $"\"type\" must be \"Feature\" (found {(reader.TokenType == JsonTokenType.String ? "'" + Cut(reader.GetString()!) + "'" : reader.TokenType.ToString().ToLowerInvariant())})";
                }

                reader.Read();
                reader.Skip();
            }

            return "the feature has no \"type\": \"Feature\" member";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // the parser reports malformed JSON itself
        }
    }

    /// <summary>
    /// Why the bytes are no UTF-8 JSON text, with the line of the first bad byte: UTF-16 (a byte-order mark, or NUL
    /// bytes between ASCII), or bytes that are no UTF-8 (Shift_JIS, Latin-1). Null when the text is valid UTF-8.
    /// </summary>
    internal static (string Message, long Line)? EncodingProblem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 2 && ((utf8[0] == 0xFF && utf8[1] == 0xFE) || (utf8[0] == 0xFE && utf8[1] == 0xFF) || (utf8[0] != 0 && utf8[1] == 0) || (utf8[0] == 0 && utf8[1] != 0)))
        {
            return ("is UTF-16 text; a GeoJSON layer must be UTF-8 (RFC 8259 §8.1): convert it first (e.g. iconv -f UTF-16 -t UTF-8)", 1);
        }

        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length && System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        var line = 1L + utf8[..offset].Count((byte)'\n');
        return ($"is not UTF-8 text: byte 0x{utf8[offset]:X2} at line {line} is not valid UTF-8; a GeoJSON layer must be UTF-8 (RFC 8259 §8.1) — a file saved in Shift_JIS can be converted with iconv -f SHIFT_JIS -t UTF-8", line);
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        return i < 0 ? message : message[..i];
    }

    /// <summary>Maps byte offsets to 1-based line numbers with one scan.</summary>
    internal sealed class LineIndex
    {
        private readonly List<int> _lineStarts = [0];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public long LineOf(int offset)
        {
            var i = _lineStarts.BinarySearch(offset);
            return (i >= 0 ? i : ~i - 1) + 1;
        }
    }
}
