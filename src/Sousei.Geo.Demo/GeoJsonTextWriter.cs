using System.Globalization;
using System.Text;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// Writes an RFC 7946 FeatureCollection as text, one feature per line: longitude/latitude rounded
/// to 6 decimals, exterior rings counter-clockwise and holes clockwise (right-hand rule), no
/// <c>crs</c> member, Japanese text as plain UTF-8. Byte-for-byte deterministic for the same input.
/// Not thread-safe.
/// </summary>
internal sealed class GeoJsonTextWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly StringBuilder _line = new(256);
    private bool _first = true;

    public GeoJsonTextWriter(Stream stream)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        _writer.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }

    /// <summary>Writes one feature; <paramref name="properties"/> is a ready JSON object (see <see cref="Properties"/>).</summary>
    public void Write(string properties, Geometry geometry)
    {
        _line.Clear();
        if (!_first)
        {
            _line.Append(",\n");
        }

        _first = false;
        _line.Append("{\"type\":\"Feature\",\"properties\":").Append(properties).Append(",\"geometry\":");
        AppendGeometry(_line, geometry);
        _line.Append('}');
        _writer.Write(_line);
    }

    /// <summary>Writes a point feature without building a geometry object.</summary>
    public void WritePoint(string properties, double longitude, double latitude)
    {
        _line.Clear();
        if (!_first)
        {
            _line.Append(",\n");
        }

        _first = false;
        _line.Append("{\"type\":\"Feature\",\"properties\":").Append(properties).Append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":");
        AppendPosition(_line, longitude, latitude);
        _line.Append("}}");
        _writer.Write(_line);
    }

    public void Dispose()
    {
        _writer.Write("\n]}\n");
        _writer.Dispose();
    }

    /// <summary>Builds a JSON object from name/value pairs (string, integer or floating values).</summary>
    public static string Properties(params (string Name, object? Value)[] properties)
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < properties.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendString(sb, properties[i].Name);
            sb.Append(':');
            switch (properties[i].Value)
            {
                case null:
                    sb.Append("null");
                    break;
                case string s:
                    AppendString(sb, s);
                    break;
                case int n:
                    sb.Append(n.ToString(CultureInfo.InvariantCulture));
                    break;
                case long n:
                    sb.Append(n.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"unsupported property type {properties[i].Value!.GetType().Name}");
            }
        }

        return sb.Append('}').ToString();
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        sb.Append('"');
    }

    private static void AppendGeometry(StringBuilder sb, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                sb.Append("{\"type\":\"Point\",\"coordinates\":");
                AppendPosition(sb, p.X, p.Y);
                sb.Append('}');
                break;
            case LineString l:
                sb.Append("{\"type\":\"LineString\",\"coordinates\":");
                AppendPositions(sb, l.CoordinateSequence, false);
                sb.Append('}');
                break;
            case Polygon polygon:
                sb.Append("{\"type\":\"Polygon\",\"coordinates\":");
                AppendPolygon(sb, polygon);
                sb.Append('}');
                break;
            case MultiPolygon multi:
                sb.Append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (var i = 0; i < multi.NumGeometries; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    AppendPolygon(sb, (Polygon)multi.GetGeometryN(i));
                }

                sb.Append("]}");
                break;
            default:
                throw new ArgumentException($"the demo writer does not write {geometry.GeometryType}");
        }
    }

    private static void AppendPolygon(StringBuilder sb, Polygon polygon)
    {
        sb.Append('[');
        AppendRing(sb, polygon.ExteriorRing.CoordinateSequence, counterClockwise: true);
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            sb.Append(',');
            AppendRing(sb, polygon.GetInteriorRingN(i).CoordinateSequence, counterClockwise: false);
        }

        sb.Append(']');
    }

    private static void AppendRing(StringBuilder sb, CoordinateSequence ring, bool counterClockwise)
    {
        var reverse = Orientation.IsCCW(ring) != counterClockwise;
        AppendPositions(sb, ring, reverse);
    }

    private static void AppendPositions(StringBuilder sb, CoordinateSequence seq, bool reverse)
    {
        sb.Append('[');
        var n = seq.Count;
        for (var k = 0; k < n; k++)
        {
            var i = reverse ? n - 1 - k : k;
            if (k > 0)
            {
                sb.Append(',');
            }

            AppendPosition(sb, seq.GetX(i), seq.GetY(i));
        }

        sb.Append(']');
    }

    private static void AppendPosition(StringBuilder sb, double x, double y)
    {
        sb.Append('[')
            .Append(DemoGeometry.Round6(x).ToString("R", CultureInfo.InvariantCulture))
            .Append(',')
            .Append(DemoGeometry.Round6(y).ToString("R", CultureInfo.InvariantCulture))
            .Append(']');
    }
}
