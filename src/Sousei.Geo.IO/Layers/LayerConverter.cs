using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Features;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;

namespace Sousei.Geo.IO.Layers;

/// <summary>
/// <c>sousei convert</c>: any layer file from GeoJSON (<c>.geojson</c>, <c>.geojson.gz</c>, <c>.json</c>) to GeoParquet
/// (<c>.parquet</c>) or back, keeping every feature and every property (GeoParquet columns are typed as
/// <see cref="GeoParquetWriter"/> says; nested GeoJSON values travel as their JSON text). The input is read with the
/// project's readers, so a bad file gets the same problems as in a store, and nothing is written then.
/// </summary>
public static class LayerConverter
{
    /// <summary>A layer file format.</summary>
    public enum Format
    {
        GeoJson,
        GeoJsonGzip,
        GeoParquet,
    }

    /// <summary>What was converted.</summary>
    public sealed record Result(long Features, IReadOnlyList<string> Properties, Format From, Format To);

    /// <summary>The format a path names by its extension, or null.</summary>
    public static Format? FormatOf(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? Format.GeoParquet
        : path.EndsWith(".geojson.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) ? Format.GeoJsonGzip
        : path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Format.GeoJson
        : null;

    /// <summary>A format's name for messages.</summary>
    public static string Name(Format format) => format switch
    {
        Format.GeoParquet => "GeoParquet",
        Format.GeoJsonGzip => "GeoJSON (gzip)",
        _ => "GeoJSON",
    };

    /// <summary>Reads every feature of <paramref name="input"/> (either format).</summary>
    /// <exception cref="DataException">The file cannot be read, or any feature has a problem.</exception>
    public static List<IFeature> Read(string input)
    {
        var problems = new ProblemCollector();
        var file = Path.GetFileName(input);
        List<IFeature> features;
        if (FormatOf(input) == Format.GeoParquet)
        {
            features = [.. GeoParquetReader.Read(input, problems).Select(r => r.Feature)];
        }
        else
        {
            byte[] bytes;
            try
            {
                bytes = InputFiles.ReadAllBytes(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new DataException(new DataProblem("layer.unreadable", file, (e is InvalidDataException ? "" : "cannot read file: ") + e.Message));
            }

            features = [.. GeoJsonFeatureReader.Read(bytes, file, problems).Select(f => f.Feature)];
        }

        problems.ThrowIfAny();
        return features;
    }

    /// <summary>Converts <paramref name="input"/> into <paramref name="output"/> (a path to write, in <paramref name="to"/>).</summary>
    /// <exception cref="DataException">The input has problems; nothing is written.</exception>
    public static Result Convert(string input, string output, Format to)
    {
        var from = FormatOf(input) ?? throw new ArgumentException("unknown input format", nameof(input));
        var features = Read(input);
        using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (to == Format.GeoParquet)
        {
            try
            {
                GeoParquetWriter.Write(stream, features);
            }
            catch (ArgumentException e)
            {
                throw new DataException(new DataProblem("convert.property", Path.GetFileName(input), e.Message.Split(" (Parameter")[0]));
            }
        }
        else
        {
            using var gzip = to == Format.GeoJsonGzip ? new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true) : null;
            using var writer = new GeoJsonFeatureCollectionWriter((Stream?)gzip ?? stream, decimals: null, leaveOpen: true);
            foreach (var feature in features)
            {
                writer.Write(feature.Geometry, w => WriteProperties(w, feature));
            }

            writer.Complete();
        }

        var names = features.Where(f => f.Attributes is not null).SelectMany(f => f.Attributes.GetNames()).Distinct(StringComparer.Ordinal).ToList();
        return new Result(features.Count, names, from, to);
    }

    private static void WriteProperties(Utf8JsonWriter w, IFeature feature)
    {
        if (feature.Attributes is null)
        {
            return;
        }

        foreach (var name in feature.Attributes.GetNames())
        {
            var raw = feature.Attributes is JsonElementAttributesTable json && json.RootElement.TryGetProperty(name, out var element) ? (object?)element : feature.Attributes[name];
            if (raw is JsonElement e)
            {
                w.WritePropertyName(name);
                e.WriteTo(w); // GeoJSON to GeoJSON: the value as it was, nested or not
                continue;
            }

            switch (AttributeValues.Normalize(raw))
            {
                case null:
                    w.WriteNull(name);
                    break;
                case long l:
                    w.WriteNumber(name, l);
                    break;
                case double d:
                    w.WriteNumber(name, d);
                    break;
                case decimal m:
                    w.WriteNumber(name, m);
                    break;
                case bool b:
                    w.WriteBoolean(name, b);
                    break;
                case var v:
                    w.WriteString(name, AttributeValues.Text(v));
                    break;
            }
        }
    }
}
