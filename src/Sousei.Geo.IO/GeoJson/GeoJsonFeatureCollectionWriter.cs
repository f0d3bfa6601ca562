using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Streams one RFC 7946 FeatureCollection (a file-store layer) to a stream through
/// <see cref="GeoJsonGeometryWriter"/>, one feature per line so that a layer diffs line by line:
/// <c>{"type":"FeatureCollection","features":[</c>, then <c>\n{feature}</c> separated by commas, then
/// <c>\n]}\n</c>. Japanese text is written as plain UTF-8. The bytes depend only on the features written,
/// so a seeded generator stays byte-for-byte deterministic. Memory stays flat: the stream is written every
/// 64 KiB but flushed only once, by <see cref="Complete"/> (each flush of a <c>GZipStream</c> ends a deflate block).
/// The collection is closed only by <see cref="Complete"/>: a writer disposed without it (an error part way)
/// leaves a truncated file that no reader accepts, never a short but valid layer. Not thread-safe.
/// </summary>
public sealed class GeoJsonFeatureCollectionWriter : IDisposable
{
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int? _decimals;
    private readonly ArrayBufferWriter<byte> _pending = new(FlushBytes + 4096);
    private readonly Utf8JsonWriter _collection;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _feature;
    private bool _completed;
    private bool _disposed;

    /// <param name="stream">Where the collection goes (e.g. a file, or a <c>GZipStream</c> over one).</param>
    /// <param name="decimals">Decimals of every position (see <see cref="GeoJsonGeometryWriter.Write"/>); <c>null</c> keeps ordinates as stored.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    public GeoJsonFeatureCollectionWriter(Stream stream, int? decimals = GeoJsonGeometryWriter.Decimals, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        GeoJsonGeometryWriter.CheckDecimals(decimals);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _decimals = decimals;
        _collection = new Utf8JsonWriter(_pending, Options);
        _feature = new Utf8JsonWriter(_line, Options);
        GeoJsonGeometryWriter.WriteFeatureCollectionStart(_collection);
    }

    /// <summary>Features written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one feature on its own line (see <see cref="GeoJsonGeometryWriter.WriteFeature"/>).</summary>
    public void Write(Geometry? geometry, Action<Utf8JsonWriter>? properties, string? id = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the FeatureCollection is already complete");
        }

        // The feature is written apart and added as one raw value, so that the collection's writer puts the
        // comma before the line break and the feature starts its own line.
        _line.ResetWrittenCount();
        _line.Write("\n"u8);
        _feature.Reset();
        GeoJsonGeometryWriter.WriteFeature(_feature, geometry, properties, id, _decimals);
        _feature.Flush();
        _collection.WriteRawValue(_line.WrittenSpan, skipInputValidation: true);
        Count++;
        if (_collection.BytesPending + _pending.WrittenCount >= FlushBytes)
        {
            Drain();
        }
    }

    /// <summary>Closes the collection, writes what is left to the stream and flushes it (the only flush).</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        _collection.Flush();
        _pending.Write("\n"u8);
        GeoJsonGeometryWriter.WriteFeatureCollectionEnd(_collection);
        _collection.Flush();
        _pending.Write("\n"u8);
        Drain();
        _stream.Flush();
        _completed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _feature.Dispose();
        _collection.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Drain()
    {
        _collection.Flush();
        _stream.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }
}
