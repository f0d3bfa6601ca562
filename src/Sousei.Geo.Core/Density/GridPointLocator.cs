using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Density;

/// <summary>
/// Point-in-area location accelerated by a uniform grid over the area's envelope. Every cell that an
/// edge of the area touches is a "boundary" cell, answered by an exact <see cref="IndexedPointInAreaLocator"/>;
/// every other cell lies wholly inside or wholly outside (no edge crosses it), which one test of a
/// point per run of such cells decides. Answers are therefore identical to the exact locator's.
/// Immutable after construction; safe for concurrent readers.
/// </summary>
internal sealed class GridPointLocator
{
    private const byte Outside = 0;
    private const byte Inside = 1;
    private const byte Boundary = 2;

    private readonly IndexedPointInAreaLocator _exact;
    private readonly byte[] _cells;
    private readonly int _columns;
    private readonly int _rows;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _cellWidth;
    private readonly double _cellHeight;
    private readonly Envelope _envelope;

    public GridPointLocator(Geometry area)
    {
        _exact = new IndexedPointInAreaLocator(area);
        _envelope = area.EnvelopeInternal;
        var side = (int)Math.Clamp(Math.Sqrt(area.NumPoints) * 6, 8, 1024);
        _columns = side;
        _rows = side;
        _minX = _envelope.MinX;
        _minY = _envelope.MinY;
        _cellWidth = Math.Max(_envelope.Width / _columns, 1e-12);
        _cellHeight = Math.Max(_envelope.Height / _rows, 1e-12);
        _cells = new byte[_columns * _rows];
        MarkEdges(area);
        ClassifyRuns();
    }

    /// <summary>Interior, Boundary or Exterior, exactly as <see cref="IndexedPointInAreaLocator"/> answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Location Locate(double x, double y)
    {
        if (!_envelope.Covers(x, y))
        {
            return Location.Exterior;
        }

        var c = Math.Min((int)((x - _minX) / _cellWidth), _columns - 1);
        var r = Math.Min((int)((y - _minY) / _cellHeight), _rows - 1);
        return _cells[r * _columns + c] switch
        {
            Inside => Location.Interior,
            Outside => Location.Exterior,
            _ => _exact.Locate(new Coordinate(x, y)),
        };
    }

    private void MarkEdges(Geometry area)
    {
        for (var g = 0; g < area.NumGeometries; g++)
        {
            if (area.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            MarkRing(polygon.ExteriorRing.CoordinateSequence);
            foreach (var hole in polygon.InteriorRings)
            {
                MarkRing(hole.CoordinateSequence);
            }
        }
    }

    private void MarkRing(CoordinateSequence ring)
    {
        for (var i = 1; i < ring.Count; i++)
        {
            MarkSegment((ring.GetX(i - 1) - _minX) / _cellWidth, (ring.GetY(i - 1) - _minY) / _cellHeight,
                        (ring.GetX(i) - _minX) / _cellWidth, (ring.GetY(i) - _minY) / _cellHeight);
        }
    }

    /// <summary>Marks every cell the segment (in cell units) touches, with a small margin so that a segment on a cell border marks both sides.</summary>
    private void MarkSegment(double x0, double y0, double x1, double y1)
    {
        const double margin = 1e-6;
        var cMin = Math.Max(0, (int)Math.Floor(Math.Min(x0, x1) - margin));
        var cMax = Math.Min(_columns - 1, (int)Math.Floor(Math.Max(x0, x1) + margin));
        for (var c = cMin; c <= cMax; c++)
        {
            double ya, yb;
            if (Math.Abs(x1 - x0) < 1e-12)
            {
                ya = y0;
                yb = y1;
            }
            else
            {
                var xa = Math.Clamp(c - margin, Math.Min(x0, x1), Math.Max(x0, x1));
                var xb = Math.Clamp(c + 1 + margin, Math.Min(x0, x1), Math.Max(x0, x1));
                ya = y0 + (y1 - y0) * (xa - x0) / (x1 - x0);
                yb = y0 + (y1 - y0) * (xb - x0) / (x1 - x0);
            }

            var rMin = Math.Max(0, (int)Math.Floor(Math.Min(ya, yb) - margin));
            var rMax = Math.Min(_rows - 1, (int)Math.Floor(Math.Max(ya, yb) + margin));
            for (var r = rMin; r <= rMax; r++)
            {
                _cells[r * _columns + c] = Boundary;
            }
        }
    }

    private void ClassifyRuns()
    {
        for (var r = 0; r < _rows; r++)
        {
            var c = 0;
            while (c < _columns)
            {
                if (_cells[r * _columns + c] == Boundary)
                {
                    c++;
                    continue;
                }

                var start = c;
                while (c < _columns && _cells[r * _columns + c] != Boundary)
                {
                    c++;
                }

                // No edge crosses these cells, so one interior point decides them all.
                var probe = new Coordinate(_minX + (start + 0.5) * _cellWidth, _minY + (r + 0.5) * _cellHeight);
                var status = _exact.Locate(probe) == Location.Interior ? Inside : Outside;
                for (var k = start; k < c; k++)
                {
                    _cells[r * _columns + k] = status;
                }
            }
        }
    }
}
