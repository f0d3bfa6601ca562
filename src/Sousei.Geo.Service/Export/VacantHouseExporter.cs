using System.Text.Encodings.Web;
using System.Text.Json;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Vacant;

namespace Sousei.Geo.Service.Export;

/// <summary>
/// Streams vacant houses as one RFC 7946 FeatureCollection (see <see cref="GeoJsonGeometryWriter"/> for
/// positions and rings): each feature has its survey id as <c>id</c>, the public attributes and the computed
/// fields of <see cref="VacantHouseJson"/>. Memory stays constant whatever the size: the writer is flushed
/// to the stream every <see cref="FlushBytes"/> bytes. Thread-safe (no shared state).
/// </summary>
public static class VacantHouseExporter
{
    /// <summary>Bytes buffered before a flush to the stream.</summary>
    public const int FlushBytes = 64 * 1024;

    /// <summary>JSON options of every GeoJSON output: compact, non-ASCII text (Japanese names) left unescaped.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes the matching houses; returns how many were written.</summary>
    public static async Task<long> WriteAsync(Stream stream, CityData data, VacantFilter filter, bool includeRestricted, CancellationToken cancellationToken = default)
    {
        await using var w = new Utf8JsonWriter(stream, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type"u8, "FeatureCollection"u8);
        w.WriteStartArray("features"u8);
        long count = 0;
        foreach (var record in data.VacantHouses)
        {
            if (!filter.Matches(record))
            {
                continue;
            }

            WriteFeature(w, record, includeRestricted);
            count++;
            if (w.BytesPending >= FlushBytes)
            {
                await w.FlushAsync(cancellationToken);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Writes one GeoJSON Feature object.</summary>
    public static void WriteFeature(Utf8JsonWriter w, VacantHouseRecord record, bool includeRestricted)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "Feature"u8);
        w.WriteString("id"u8, record.House.Id);
        w.WritePropertyName("geometry"u8);
        GeoJsonGeometryWriter.Write(w, record.House.Geometry);
        w.WriteStartObject("properties"u8);
        VacantHouseJson.WriteProperties(w, record, includeRestricted);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
