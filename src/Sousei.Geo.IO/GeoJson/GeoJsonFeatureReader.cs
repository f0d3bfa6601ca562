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
                else if (name == "crs" && reader.TokenType == JsonTokenType.StartObject)
                {
                    var crsStart = (int)reader.TokenStartIndex + bom;
                    reader.Skip();
                    var crs = System.Text.Encoding.UTF8.GetString(utf8[crsStart..((int)reader.BytesConsumed + bom)]);
                    if (!(crs.Contains("CRS84", StringComparison.Ordinal) || crs.Contains("4326", StringComparison.Ordinal) || crs.Contains("6668", StringComparison.Ordinal) || crs.Contains("4612", StringComparison.Ordinal)))
                    {
                        problems.Add(new DataProblem("geojson.crs", fileName, $"declares a CRS other than longitude/latitude ({crs}); reproject to RFC 7946 longitude/latitude first"));
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

        return slices;
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
