using System.Globalization;
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

    /// <summary>What repairs changed, one line each.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Returns the geometry to use, or null after adding a problem. <paramref name="allowed"/> lists
    /// the accepted OGC types (for example "Polygon", "MultiPolygon").
    /// </summary>
    public Geometry? Check(Geometry? geometry, string[] allowed, string file, int index, string? id, long line, ProblemCollector problems)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            problems.Add(new DataProblem("geometry.missing", file, "feature has no geometry", index, id, line));
            return null;
        }

        if (!allowed.Contains(geometry.GeometryType))
        {
            problems.Add(new DataProblem("geometry.type", file, $"geometry is {geometry.GeometryType}; expected {string.Join(" or ", allowed)}", index, id, line));
            return null;
        }

        if (CoordinateProblem(geometry) is { } coordinateProblem)
        {
            problems.Add(new DataProblem("geometry.coordinates", file, coordinateProblem, index, id, line));
            return null;
        }

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
            problems.Add(new DataProblem("geometry.invalid", file, $"invalid polygon: {error.Message}{where} (use --repair to apply MakeValid)", index, id, line));
            return null;
        }

        var fixedGeometry = GeometryFixer.Fix(geometry);
        fixedGeometry.SRID = geometry.SRID;
        if (fixedGeometry.IsEmpty || !allowed.Contains(fixedGeometry.GeometryType))
        {
            problems.Add(new DataProblem("geometry.invalid", file, $"invalid polygon: {error.Message}{where}; MakeValid gave {fixedGeometry.GeometryType}, not usable", index, id, line));
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
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                return "a coordinate is not a finite number";
            }

            if (Math.Abs(c.X) <= 90 && Math.Abs(c.Y) > 90 && Math.Abs(c.Y) <= 180)
            {
                return $"latitude and longitude look swapped at [{F(c.X)}, {F(c.Y)}]: GeoJSON positions are [longitude, latitude]";
            }

            if (Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90)
            {
                return $"coordinates [{F(c.X)}, {F(c.Y)}] look like plane metres, not longitude/latitude (RFC 7946 requires longitude/latitude degrees)";
            }
        }

        var env = geometry.EnvelopeInternal;
        var (x, y) = projection.Project(env.Centre.X, env.Centre.Y);
        var km = Math.Sqrt(x * x + y * y) / 1000;
        if (km > MaxDistanceFromZoneOriginKilometers)
        {
            return $"lies {km:F0} km from the origin of EPSG:{projection.Epsg} ({F(projection.OriginLongitude)}, {F(projection.OriginLatitude)}): swapped or wrong coordinates, or choose the plane zone with --crs";
        }

        return null;
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
