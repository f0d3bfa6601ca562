using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Sousei.Geo.Core.Crs;

/// <summary>
/// Projects longitude/latitude (JGD2011, treated as identical to WGS84 / RFC 7946 CRS84: the two
/// datums differ by well under a metre in Japan) to one zone of the Japan Plane Rectangular
/// Coordinate System, JGD2011 (EPSG:6669–6687), a Transverse Mercator on GRS80 with scale 0.9999
/// and no false easting/northing. Output x = easting (metres), y = northing (metres).
/// Instances are immutable; <see cref="Project(Geometry)"/> is safe to call from several threads.
/// </summary>
public sealed class PlaneProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    private PlaneProjection(int epsg, double originLatitude, double originLongitude)
    {
        Epsg = epsg;
        OriginLatitude = originLatitude;
        OriginLongitude = originLongitude;
        var factory = new CoordinateSystemFactory();
        var grs80 = factory.CreateFlattenedSphere("GRS 1980", 6378137.0, 298.257222101, LinearUnit.Metre);
        var datum = factory.CreateHorizontalDatum("Japanese Geodetic Datum 2011", DatumType.HD_Geocentric, grs80, new Wgs84ConversionInfo());
        var geographic = factory.CreateGeographicCoordinateSystem("JGD2011", AngularUnit.Degrees, datum, PrimeMeridian.Greenwich,
            new AxisInfo("Lon", AxisOrientationEnum.East), new AxisInfo("Lat", AxisOrientationEnum.North));
        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", originLatitude),
            new("central_meridian", originLongitude),
            new("scale_factor", 0.9999),
            new("false_easting", 0.0),
            new("false_northing", 0.0),
        };
        var projection = factory.CreateProjection("Transverse_Mercator", "Transverse_Mercator", parameters);
        var projected = factory.CreateProjectedCoordinateSystem($"JGD2011 / Japan Plane Rectangular CS zone EPSG:{epsg}", geographic, projection,
            LinearUnit.Metre, new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(geographic, projected);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    /// <summary>EPSG code of the plane zone (6669 = zone I … 6687 = zone XIX).</summary>
    public int Epsg { get; }

    /// <summary>Latitude of the zone origin, degrees.</summary>
    public double OriginLatitude { get; }

    /// <summary>Longitude of the zone origin (central meridian), degrees.</summary>
    public double OriginLongitude { get; }

    /// <summary>"JGD2011 / Japan Plane Rectangular CS II" (the EPSG name of the zone).</summary>
    public string Name => $"JGD2011 / Japan Plane Rectangular CS {ZoneNumerals[Epsg - 6669]}";

    /// <summary>
    /// The zone as OGC WKT 1 with EPSG authorities (datum 1128, geographic CRS 6668, the zone's code), as GDAL writes
    /// it: what a GeoPackage's <c>gpkg_spatial_ref_sys.definition</c> holds so that GDAL and QGIS recognise the EPSG code.
    /// Axes as EPSG defines them (northing, easting); files still store x = easting, y = northing.
    /// </summary>
    public string OgcWkt => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $$"""PROJCS["{{Name}}",GEOGCS["JGD2011",DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","1128"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","6668"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",{{OriginLatitude:R}}],PARAMETER["central_meridian",{{OriginLongitude:R}}],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","{{Epsg}}"]]""");

    private static readonly string[] ZoneNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"];

    /// <summary>Kumamoto's zone: JGD2011 / Japan Plane Rectangular CS II (EPSG:6670).</summary>
    public static PlaneProjection Kumamoto => ForEpsg(6670);

    // Zone origins (latitude, longitude in degrees) from the MLIT notice defining the plane rectangular system.
    private static readonly (double Lat, double Lon)[] ZoneOrigins =
    [
        (33, 129.5), (33, 131), (36, 132 + 10.0 / 60), (33, 133.5), (36, 134 + 20.0 / 60),
        (36, 136), (36, 137 + 10.0 / 60), (36, 138.5), (36, 139 + 50.0 / 60), (40, 140 + 50.0 / 60),
        (44, 140.25), (44, 142.25), (44, 144.25), (26, 142), (26, 127.5),
        (26, 124), (26, 131), (20, 136), (26, 154),
    ];

    private static readonly Dictionary<int, PlaneProjection> Cache = [];

    /// <summary>The JGD2011 plane zone with the given EPSG code (6669–6687).</summary>
    /// <exception cref="ArgumentException">The code is not a JGD2011 plane rectangular zone.</exception>
    public static PlaneProjection ForEpsg(int epsg)
    {
        if (epsg < 6669 || epsg > 6687)
        {
            throw new ArgumentException($"EPSG:{epsg} is not a JGD2011 Japan Plane Rectangular zone (EPSG:6669 to EPSG:6687).", nameof(epsg));
        }

        lock (Cache)
        {
            if (!Cache.TryGetValue(epsg, out var p))
            {
                var (lat, lon) = ZoneOrigins[epsg - 6669];
                p = new PlaneProjection(epsg, lat, lon);
                Cache[epsg] = p;
            }

            return p;
        }
    }

    /// <summary>Parses "EPSG:66xx" (or a bare number) into a plane zone.</summary>
    public static bool TryParse(string text, out PlaneProjection? projection, out string error)
    {
        projection = null;
        var s = text.Trim();
        if (s.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[5..];
        }

        if (!int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) || code < 6669 || code > 6687)
        {
            error = $"'{text}' is not a JGD2011 Japan Plane Rectangular zone; expected EPSG:6669 to EPSG:6687 (Kumamoto: EPSG:6670)";
            return false;
        }

        projection = ForEpsg(code);
        error = "";
        return true;
    }

    /// <summary>Projects one longitude/latitude pair (degrees) to easting/northing (metres).</summary>
    public (double X, double Y) Project(double longitude, double latitude) => _forward.Transform(longitude, latitude);

    /// <summary>Converts easting/northing (metres) back to longitude/latitude (degrees).</summary>
    public (double Longitude, double Latitude) Unproject(double x, double y) => _inverse.Transform(x, y);

    /// <summary>Returns a projected copy of a longitude/latitude geometry, SRID set to <see cref="Epsg"/>.</summary>
    public Geometry Project(Geometry lonLat)
    {
        var copy = lonLat.Copy();
        copy.Apply(new TransformFilter(_forward));
        copy.SRID = Epsg;
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Returns a longitude/latitude copy (SRID 4326) of a geometry in this plane zone.</summary>
    public Geometry Unproject(Geometry plane)
    {
        var copy = plane.Copy();
        copy.Apply(new TransformFilter(_inverse));
        copy.SRID = 4326;
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Planar area in square metres of a longitude/latitude geometry, measured in this zone.</summary>
    public double AreaSquareMeters(Geometry lonLat) => Project(lonLat).Area;

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
