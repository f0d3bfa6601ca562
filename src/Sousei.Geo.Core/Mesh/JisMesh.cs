using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Mesh;

/// <summary>
/// Standard grid squares of JIS X 0410 (地域メッシュ): the code → the cell's south-west corner and size
/// in longitude/latitude. Supports 1st (4 digits, 40′ × 1°), 2nd (6, 5′ × 7.5′), 3rd (8, 30″ × 45″),
/// half (9, 500 m), quarter (10, 250 m) and eighth (11, 125 m) meshes. Pure and thread-safe.
/// </summary>
public static class JisMesh
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Decodes a mesh code; false with a reason when it is not a valid JIS X 0410 code.</summary>
    public static bool TryDecode(string code, out double westLongitude, out double southLatitude, out double widthDegrees, out double heightDegrees, out string error)
    {
        westLongitude = southLatitude = widthDegrees = heightDegrees = 0;
        error = "";
        var c = code.Trim();
        if (c.Length is not (4 or 6 or 8 or 9 or 10 or 11) || !c.All(char.IsAsciiDigit))
        {
            error = $"'{code}' is not a JIS X 0410 mesh code (4, 6, 8, 9, 10 or 11 digits)";
            return false;
        }

        int D(int i) => c[i] - '0';
        var p = D(0) * 10 + D(1);
        var u = D(2) * 10 + D(3);
        double lat = p / 1.5, lon = u + 100;
        double h = 40.0 / 60, w = 1.0;
        if (c.Length >= 6)
        {
            if (D(4) > 7 || D(5) > 7)
            {
                error = $"'{code}': 2nd-mesh digits must be 0–7";
                return false;
            }

            h /= 8;
            w /= 8;
            lat += D(4) * h;
            lon += D(5) * w;
        }

        if (c.Length >= 8)
        {
            h /= 10;
            w /= 10;
            lat += D(6) * h;
            lon += D(7) * w;
        }

        for (var i = 8; i < c.Length; i++)
        {
            var q = D(i);
            if (q is < 1 or > 4)
            {
                error = $"'{code}': subdivision digit {i + 1} must be 1–4 (1 SW, 2 SE, 3 NW, 4 NE)";
                return false;
            }

            h /= 2;
            w /= 2;
            if (q is 3 or 4)
            {
                lat += h;
            }

            if (q is 2 or 4)
            {
                lon += w;
            }
        }

        westLongitude = lon;
        southLatitude = lat;
        widthDegrees = w;
        heightDegrees = h;
        return true;
    }

    /// <summary>The cell as a counter-clockwise polygon in longitude/latitude (SRID 4326).</summary>
    /// <exception cref="ArgumentException">Not a valid mesh code.</exception>
    public static Polygon CellPolygon(string code)
    {
        if (!TryDecode(code, out var x, out var y, out var w, out var h, out var error))
        {
            throw new ArgumentException(error, nameof(code));
        }

        return Factory.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);
    }
}
