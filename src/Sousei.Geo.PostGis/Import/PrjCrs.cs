using System.Globalization;
using System.Text.RegularExpressions;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// Reads a Shapefile's .prj (ESRI or OGC WKT) into what the importer can use: longitude/latitude
/// on JGD2011 or WGS84 (used as is), or a JGD2011 Japan Plane Rectangular zone (EPSG:6669–6687),
/// recognised by its Transverse Mercator origin, scale 0.9999 and no false origin, and unprojected.
/// Anything else (the Tokyo datum, JGD2000, UTM, Web Mercator, …) is refused with a message.
/// </summary>
internal static partial class PrjCrs
{
    /// <summary>Null for longitude/latitude, else the plane zone to unproject from.</summary>
    /// <exception cref="FormatException">The CRS is not one the importer knows.</exception>
    public static PlaneProjection? Parse(string wkt)
    {
        var text = wkt.Trim();
        var head = text.Length > 120 ? text[..120] + "…" : text;
        var upper = text.ToUpperInvariant();
        var jgd2011 = upper.Contains("JGD_2011", StringComparison.Ordinal) || upper.Contains("JGD2011", StringComparison.Ordinal)
            || upper.Contains("JAPANESE_GEODETIC_DATUM_2011", StringComparison.Ordinal) || upper.Contains("JAPANESE GEODETIC DATUM 2011", StringComparison.Ordinal);
        var wgs84 = upper.Contains("WGS_1984", StringComparison.Ordinal) || upper.Contains("WGS 84", StringComparison.Ordinal) || upper.Contains("WGS84", StringComparison.Ordinal);
        if (upper.StartsWith("GEOGCS", StringComparison.Ordinal) || upper.StartsWith("GEOGCRS", StringComparison.Ordinal))
        {
            if (jgd2011 || (wgs84 && !upper.Contains("TOKYO", StringComparison.Ordinal)))
            {
                return null;
            }

            throw new FormatException($"the .prj names a geographic CRS other than JGD2011 or WGS84 ({head}); convert to JGD2011 (EPSG:6668) first");
        }

        if (!upper.StartsWith("PROJCS", StringComparison.Ordinal) && !upper.StartsWith("PROJCRS", StringComparison.Ordinal))
        {
            throw new FormatException($"the .prj is not a CRS this importer knows ({head})");
        }

        if (!jgd2011)
        {
            throw new FormatException($"the .prj names a projected CRS that is not on JGD2011 ({head}); only JGD2011 plane rectangular zones (EPSG:6669–6687) are reprojected");
        }

        double? Param(params string[] names)
        {
            foreach (var name in names)
            {
                var m = Regex.Match(text, $@"PARAMETER\[\s*""{Regex.Escape(name)}""\s*,\s*([-+0-9.eE]+)", RegexOptions.IgnoreCase);
                if (m.Success)
                {
                    return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        var lat0 = Param("latitude_of_origin", "Latitude_Of_Origin", "Latitude of natural origin");
        var lon0 = Param("central_meridian", "Central_Meridian", "Longitude of natural origin");
        var scale = Param("scale_factor", "Scale_Factor", "Scale factor at natural origin") ?? 0.9999;
        var fe = Param("false_easting", "False_Easting", "False easting") ?? 0;
        var fn = Param("false_northing", "False_Northing", "False northing") ?? 0;
        if (TransverseMercator().IsMatch(text) && lat0 is { } la && lon0 is { } lo && Math.Abs(scale - 0.9999) < 1e-9 && fe == 0 && fn == 0)
        {
            for (var epsg = 6669; epsg <= 6687; epsg++)
            {
                var zone = PlaneProjection.ForEpsg(epsg);
                if (Math.Abs(zone.OriginLatitude - la) < 1e-6 && Math.Abs(zone.OriginLongitude - lo) < 1e-6)
                {
                    return zone;
                }
            }
        }

        throw new FormatException($"the .prj is on JGD2011 but not a Japan Plane Rectangular zone this importer recognises ({head})");
    }

    [GeneratedRegex("Transverse[_ ]Mercator", RegexOptions.IgnoreCase)]
    private static partial Regex TransverseMercator();
}
