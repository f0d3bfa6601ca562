using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// The result of <see cref="Isochrone.Compute"/>: the cells reached within <see cref="MaxMinutes"/> at the median,
/// ordered by column then row, and each stop's median vehicle time (for the stops reached by a band).
/// </summary>
public sealed record IsochroneGrid(
    PlaneProjection Projection,
    double CellMeters,
    double OriginLongitude,
    double OriginLatitude,
    int DepartureCount,
    double MaxMinutes,
    IReadOnlyList<IsochroneCell> Cells,
    IReadOnlyList<int> StopMedianSeconds)
{
    /// <summary>The cell's square in the plane CRS.</summary>
    public Polygon SquarePlane(IsochroneCell cell, GeometryFactory factory)
    {
        var x = cell.Column * CellMeters;
        var y = cell.Row * CellMeters;
        return factory.CreatePolygon([new(x, y), new(x + CellMeters, y), new(x + CellMeters, y + CellMeters), new(x, y + CellMeters), new(x, y)]);
    }

    /// <summary>The cell's square in longitude/latitude (its four corners unprojected; counter-clockwise).</summary>
    public Polygon SquareLonLat(IsochroneCell cell, GeometryFactory lonLatFactory)
    {
        var x = cell.Column * CellMeters;
        var y = cell.Row * CellMeters;
        var ring = new[] { (x, y), (x + CellMeters, y), (x + CellMeters, y + CellMeters), (x, y + CellMeters), (x, y) }
            .Select(c => Projection.Unproject(c.Item1, c.Item2)).Select(c => new Coordinate(c.Longitude, c.Latitude)).ToArray();
        return lonLatFactory.CreatePolygon(ring);
    }
}
