using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// The project's one GeoJSON writer (RFC 7946), for the service, the exports and the demo generator alike:
/// geometry objects, whole features and the FeatureCollection around them, on a <see cref="Utf8JsonWriter"/>.
/// Positions are [longitude, latitude] rounded to <see cref="Decimals"/> decimals (about 1 cm) unless a caller
/// asks for other decimals or none; polygon rings follow the right-hand rule (exterior counter-clockwise,
/// holes clockwise; rings are reversed on output when stored the other way). No <c>crs</c> member is ever
/// written. A layer file one feature per line: <see cref="GeoJsonFeatureCollectionWriter"/>.
/// Stateless and thread-safe.
/// </summary>
public static class GeoJsonGeometryWriter
{
    /// <summary>Decimals kept in positions (RFC 7946 §11.2 recommends no more than needed; 7 ≈ 1 cm).</summary>
    public const int Decimals = 7;

    /// <summary>
    /// Writes <paramref name="geometry"/> as a GeoJSON geometry object. <paramref name="decimals"/> (0–15) rounds
    /// every position; <c>null</c> writes each ordinate as stored (shortest round-trip text), for lossless copies.
    /// </summary>
    public static void Write(Utf8JsonWriter w, Geometry geometry, int? decimals = Decimals)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(geometry);
        CheckDecimals(decimals);
        WriteGeometry(w, geometry, decimals);
    }

    /// <summary>
    /// Writes one Feature: <c>type</c>, <c>id</c> when given, <c>properties</c> (the members that
    /// <paramref name="properties"/> writes into the object; <c>null</c> when there is no callback) and
    /// <c>geometry</c> (<c>null</c> for an unlocated feature), in that order.
    /// </summary>
    public static void WriteFeature(Utf8JsonWriter w, Geometry? geometry, Action<Utf8JsonWriter>? properties, string? id = null, int? decimals = Decimals)
    {
        ArgumentNullException.ThrowIfNull(w);
        CheckDecimals(decimals);
        w.WriteStartObject();
        w.WriteString("type"u8, "Feature"u8);
        if (id is not null)
        {
            w.WriteString("id"u8, id);
        }

        if (properties is null)
        {
            w.WriteNull("properties"u8);
        }
        else
        {
            w.WriteStartObject("properties"u8);
            properties(w);
            w.WriteEndObject();
        }

        w.WritePropertyName("geometry"u8);
        if (geometry is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteGeometry(w, geometry, decimals);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Opens a FeatureCollection up to its <c>features</c> array: <c>{"type":"FeatureCollection",</c> then the
    /// foreign members that <paramref name="members"/> writes (e.g. OGC API paging), then <c>"features":[</c>.
    /// Write the features with <see cref="WriteFeature"/> and close with <see cref="WriteFeatureCollectionEnd"/>.
    /// </summary>
    public static void WriteFeatureCollectionStart(Utf8JsonWriter w, Action<Utf8JsonWriter>? members = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("type"u8, "FeatureCollection"u8);
        members?.Invoke(w);
        w.WriteStartArray("features"u8);
    }

    /// <summary>Closes what <see cref="WriteFeatureCollectionStart"/> opened: <c>]}</c>.</summary>
    public static void WriteFeatureCollectionEnd(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes <c>[minLon, minLat, maxLon, maxLat]</c>, rounded to <see cref="Decimals"/>.</summary>
    public static void WriteBbox(Utf8JsonWriter w, Envelope e)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Round(e.MinX));
        w.WriteNumberValue(Round(e.MinY));
        w.WriteNumberValue(Round(e.MaxX));
        w.WriteNumberValue(Round(e.MaxY));
        w.WriteEndArray();
    }

    /// <summary>Rounds to <see cref="Decimals"/>; the shortest round-trip text of the result has at most that many decimals.</summary>
    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    internal static void CheckDecimals(int? decimals)
    {
        if (decimals is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "decimals must be 0 to 15, or null to keep ordinates as stored");
        }
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry geometry, int? decimals)
    {
        w.WriteStartObject();
        switch (geometry)
        {
            case Point p:
                w.WriteString("type"u8, "Point"u8);
                w.WritePropertyName("coordinates"u8);
                Position(w, p.X, p.Y, decimals);
                break;
            case LineString l:
                w.WriteString("type"u8, "LineString"u8);
                w.WritePropertyName("coordinates"u8);
                Positions(w, l.CoordinateSequence, false, decimals);
                break;
            case Polygon polygon:
                w.WriteString("type"u8, "Polygon"u8);
                w.WritePropertyName("coordinates"u8);
                Rings(w, polygon, decimals);
                break;
            case MultiPolygon mp:
                w.WriteString("type"u8, "MultiPolygon"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < mp.NumGeometries; i++)
                {
                    Rings(w, (Polygon)mp.GetGeometryN(i), decimals);
                }

                w.WriteEndArray();
                break;
            case MultiPoint mpt:
                w.WriteString("type"u8, "MultiPoint"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < mpt.NumGeometries; i++)
                {
                    var p = (Point)mpt.GetGeometryN(i);
                    Position(w, p.X, p.Y, decimals);
                }

                w.WriteEndArray();
                break;
            case MultiLineString ml:
                w.WriteString("type"u8, "MultiLineString"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < ml.NumGeometries; i++)
                {
                    Positions(w, ((LineString)ml.GetGeometryN(i)).CoordinateSequence, false, decimals);
                }

                w.WriteEndArray();
                break;
            case GeometryCollection gc:
                w.WriteString("type"u8, "GeometryCollection"u8);
                w.WriteStartArray("geometries"u8);
                for (var i = 0; i < gc.NumGeometries; i++)
                {
                    WriteGeometry(w, gc.GetGeometryN(i), decimals);
                }

                w.WriteEndArray();
                break;
            default:
                throw new NotSupportedException("geometry type " + geometry.GeometryType);
        }

        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, double x, double y, int? decimals)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Round(x, decimals));
        w.WriteNumberValue(Round(y, decimals));
        w.WriteEndArray();
    }

    private static double Round(double value, int? decimals) =>
        decimals is { } d ? Math.Round(value, d, MidpointRounding.AwayFromZero) : value;

    private static void Rings(Utf8JsonWriter w, Polygon polygon, int? decimals)
    {
        w.WriteStartArray();
        var shell = polygon.ExteriorRing.CoordinateSequence;
        Positions(w, shell, !Orientation.IsCCW(shell), decimals);
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            var hole = polygon.GetInteriorRingN(i).CoordinateSequence;
            Positions(w, hole, Orientation.IsCCW(hole), decimals);
        }

        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, CoordinateSequence seq, bool reverse, int? decimals)
    {
        w.WriteStartArray();
        var n = seq.Count;
        for (var k = 0; k < n; k++)
        {
            var i = reverse ? n - 1 - k : k;
            Position(w, seq.GetX(i), seq.GetY(i), decimals);
        }

        w.WriteEndArray();
    }
}
