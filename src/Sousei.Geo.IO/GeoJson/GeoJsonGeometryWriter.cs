using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Writes NTS geometries as RFC 7946 GeoJSON geometry objects: positions [longitude, latitude] rounded to
/// 7 decimals (about 1 cm), polygon rings in the right-hand rule (exterior counter-clockwise, holes
/// clockwise; rings are reversed on output when stored the other way). No <c>crs</c> member is ever written.
/// Stateless and thread-safe.
/// </summary>
public static class GeoJsonGeometryWriter
{
    /// <summary>Decimals kept in positions (RFC 7946 §11.2 recommends no more than needed; 7 ≈ 1 cm).</summary>
    public const int Decimals = 7;

    public static void Write(Utf8JsonWriter w, Geometry geometry)
    {
        w.WriteStartObject();
        switch (geometry)
        {
            case Point p:
                w.WriteString("type"u8, "Point"u8);
                w.WritePropertyName("coordinates"u8);
                Position(w, p.X, p.Y);
                break;
            case LineString l:
                w.WriteString("type"u8, "LineString"u8);
                w.WritePropertyName("coordinates"u8);
                Positions(w, l.CoordinateSequence, false);
                break;
            case Polygon polygon:
                w.WriteString("type"u8, "Polygon"u8);
                w.WritePropertyName("coordinates"u8);
                Rings(w, polygon);
                break;
            case MultiPolygon mp:
                w.WriteString("type"u8, "MultiPolygon"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < mp.NumGeometries; i++)
                {
                    Rings(w, (Polygon)mp.GetGeometryN(i));
                }

                w.WriteEndArray();
                break;
            case MultiPoint mpt:
                w.WriteString("type"u8, "MultiPoint"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < mpt.NumGeometries; i++)
                {
                    var p = (Point)mpt.GetGeometryN(i);
                    Position(w, p.X, p.Y);
                }

                w.WriteEndArray();
                break;
            case MultiLineString ml:
                w.WriteString("type"u8, "MultiLineString"u8);
                w.WriteStartArray("coordinates"u8);
                for (var i = 0; i < ml.NumGeometries; i++)
                {
                    Positions(w, ((LineString)ml.GetGeometryN(i)).CoordinateSequence, false);
                }

                w.WriteEndArray();
                break;
            case GeometryCollection gc:
                w.WriteString("type"u8, "GeometryCollection"u8);
                w.WriteStartArray("geometries"u8);
                for (var i = 0; i < gc.NumGeometries; i++)
                {
                    Write(w, gc.GetGeometryN(i));
                }

                w.WriteEndArray();
                break;
            default:
                throw new NotSupportedException("geometry type " + geometry.GeometryType);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes <c>[minLon, minLat, maxLon, maxLat]</c>.</summary>
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

    private static void Position(Utf8JsonWriter w, double x, double y)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Round(x));
        w.WriteNumberValue(Round(y));
        w.WriteEndArray();
    }

    private static void Rings(Utf8JsonWriter w, Polygon polygon)
    {
        w.WriteStartArray();
        var shell = polygon.ExteriorRing.CoordinateSequence;
        Positions(w, shell, !Orientation.IsCCW(shell));
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            var hole = polygon.GetInteriorRingN(i).CoordinateSequence;
            Positions(w, hole, Orientation.IsCCW(hole));
        }

        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, CoordinateSequence seq, bool reverse)
    {
        w.WriteStartArray();
        var n = seq.Count;
        for (var k = 0; k < n; k++)
        {
            var i = reverse ? n - 1 - k : k;
            Position(w, seq.GetX(i), seq.GetY(i));
        }

        w.WriteEndArray();
    }
}
