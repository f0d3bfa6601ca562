using System.Globalization;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.GeoJson;

/// <summary>
/// Edge validation of one feature's geometry: type, finite longitude/latitude (catching plane metres
/// and swapped axes), distance from the plane zone in use, and OGC validity (repaired with
/// <see cref="GeometryFixer"/> only when asked, with a note saying what changed).
/// </summary>
public sealed class GeometryChecks(PlaneProjection projection, bool repair)
{
    /// <summary>Features farther than this from the plane zone's origin are rejected: wrong data or wrong <c>--crs</c>.</summary>
    public const double MaxDistanceFromZoneOriginKilometers = 500;

    private readonly List<string> _notes = [];

    /// <summary>Kilometres per degree of longitude at the zone origin, for the equirectangular sanity distance.</summary>
    private readonly double _kilometersPerDegreeLongitude = 111.32 * Math.Cos(projection.OriginLatitude * Math.PI / 180);

    /// <summary>What repairs changed, one line each.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Returns the geometry to use, or null after adding a problem. <paramref name="allowed"/> lists
    /// the accepted OGC types (for example "Polygon", "MultiPolygon").
    /// </summary>
    /// <remarks><c>line</c> is the feature's line in a text file; null for a binary one, where <c>place</c> says where it is.</remarks>
    public Geometry? Check(Geometry? geometry, string[] allowed, string file, int index, string? id, long? line, ProblemCollector problems, string? place = null)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            problems.Add(new DataProblem("geometry.missing", file, "feature has no geometry", index, id, line, place));
            return null;
        }

        if (!allowed.Contains(geometry.GeometryType))
        {
            problems.Add(new DataProblem("geometry.type", file, $"geometry is {geometry.GeometryType}; expected {string.Join(" or ", allowed)}", index, id, line, place));
            return null;
        }

        if (CoordinateProblem(geometry) is { } coordinateProblem)
        {
            problems.Add(new DataProblem("geometry.coordinates", file, coordinateProblem, index, id, line, place));
            return null;
        }

        // A third (height) or fourth (measure) value is dropped on read: every analysis is planar, and the overlays
        // cannot mix 2D and 3D sequences (docs/data-model.md).
        geometry = Flatten(geometry);

        if (geometry is Point)
        {
            return geometry;
        }

        var validity = new IsValidOp(geometry);
        if (validity.IsValid)
        {
            return geometry;
        }

        var error = validity.ValidationError;
        var where = error.Coordinate is { } c ? $" at ({F(c.X)}, {F(c.Y)})" : "";
        if (!repair)
        {
            problems.Add(new DataProblem("geometry.invalid", file, $"invalid polygon: {error.Message}{where} (use --repair to apply MakeValid)", index, id, line, place));
            return null;
        }

        var fixedGeometry = GeometryFixer.Fix(geometry);
        fixedGeometry.SRID = geometry.SRID;
        if (fixedGeometry.IsEmpty || !allowed.Contains(fixedGeometry.GeometryType))
        {
            problems.Add(new DataProblem("geometry.invalid", file, $"invalid polygon: {error.Message}{where}; MakeValid gave {fixedGeometry.GeometryType}, not usable", index, id, line, place));
            return null;
        }

        var before = projection.AreaSquareMeters(geometry) / 10_000;
        var after = projection.AreaSquareMeters(fixedGeometry) / 10_000;
        _notes.Add($"{file}: feature {index}{(id is null ? "" : $" (id '{id}')")}: repaired {error.Message}{where} with MakeValid; {geometry.GeometryType} → {fixedGeometry.GeometryType}, {geometry.NumPoints} → {fixedGeometry.NumPoints} vertices, planar area {before:F4} → {after:F4} ha");
        return fixedGeometry;
    }

    private string? CoordinateProblem(Geometry geometry)
    {
        foreach (var c in geometry.Coordinates)
        {
            if (PositionProblem(c.X, c.Y) is { } problem)
            {
                return problem;
            }
        }

        var centre = geometry.EnvelopeInternal.Centre;
        return ZoneDistanceProblem(centre.X, centre.Y);
    }

    /// <summary>The problem with one longitude/latitude point, or null; cheap enough for millions of points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? PointProblem(double longitude, double latitude) => PositionProblem(longitude, latitude) ?? ZoneDistanceProblem(longitude, latitude);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? PositionProblem(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return "a coordinate is not a finite number";
        }

        if (Math.Abs(x) <= 90 && Math.Abs(y) > 90 && Math.Abs(y) <= 180)
        {
            return $"latitude and longitude look swapped at [{F(x)}, {F(y)}]: GeoJSON positions are [longitude, latitude]";
        }

        if (Math.Abs(x) > 180 || Math.Abs(y) > 90)
        {
            return $"coordinates [{F(x)}, {F(y)}] look like plane metres, not longitude/latitude (RFC 7946 requires longitude/latitude degrees)";
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ZoneDistanceProblem(double longitude, double latitude)
    {
        // Equirectangular distance from the zone origin: within a few per cent at these scales, enough for a 500 km sanity bound.
        var dx = (longitude - projection.OriginLongitude) * _kilometersPerDegreeLongitude;
        var dy = (latitude - projection.OriginLatitude) * 110.57;
        var km = Math.Sqrt(dx * dx + dy * dy);
        if (km > MaxDistanceFromZoneOriginKilometers)
        {
            return $"lies about {km:F0} km from the origin of EPSG:{projection.Epsg} ({F(projection.OriginLongitude)}, {F(projection.OriginLatitude)}): swapped or wrong coordinates, or choose the plane zone with --crs";
        }

        return null;
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The geometry with x and y only (itself when it has no z or m).</summary>
    internal static Geometry Flatten(Geometry geometry)
    {
        var has = false;
        geometry.Apply(new CoordinateSequenceProbe(seq => has |= seq.HasZ || seq.HasM || seq.Dimension > 2));
        if (!has)
        {
            return geometry;
        }

        var flat = new Flattener().Transform(geometry);
        flat.SRID = geometry.SRID;
        return flat;
    }

    private sealed class Flattener : NetTopologySuite.Geometries.Utilities.GeometryTransformer
    {
        protected override CoordinateSequence TransformCoordinates(CoordinateSequence coords, Geometry parent)
        {
            var flat = new Coordinate[coords.Count];
            for (var i = 0; i < coords.Count; i++)
            {
                flat[i] = new Coordinate(coords.GetX(i), coords.GetY(i));
            }

            return NetTopologySuite.Geometries.Implementation.CoordinateArraySequenceFactory.Instance.Create(flat);
        }
    }

    private sealed class CoordinateSequenceProbe(Action<CoordinateSequence> visit) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq) => visit(seq);
    }
}
