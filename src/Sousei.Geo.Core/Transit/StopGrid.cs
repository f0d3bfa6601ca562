namespace Sousei.Geo.Core.Transit;

/// <summary>A uniform grid over stop positions (plane metres) for radius queries. Immutable; thread-safe.</summary>
internal sealed class StopGrid
{
    private const double CellMeters = 250;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double _minX;
    private readonly double _minY;
    private readonly int _nx;
    private readonly int _ny;
    private readonly int[] _cellStart;
    private readonly int[] _items;

    public StopGrid(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        if (x.Length == 0)
        {
            _nx = _ny = 1;
            _cellStart = new int[2];
            _items = [];
            return;
        }

        _minX = x.Min();
        _minY = y.Min();
        _nx = (int)((x.Max() - _minX) / CellMeters) + 1;
        _ny = (int)((y.Max() - _minY) / CellMeters) + 1;
        var counts = new int[_nx * _ny + 1];
        for (var i = 0; i < x.Length; i++)
        {
            counts[Cell(x[i], y[i]) + 1]++;
        }

        for (var c = 0; c < _nx * _ny; c++)
        {
            counts[c + 1] += counts[c];
        }

        _cellStart = (int[])counts.Clone();
        _items = new int[x.Length];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            _items[fill[Cell(x[i], y[i])]++] = i;
        }
    }

    private int Cell(double x, double y)
    {
        var cx = Math.Clamp((int)((x - _minX) / CellMeters), 0, _nx - 1);
        var cy = Math.Clamp((int)((y - _minY) / CellMeters), 0, _ny - 1);
        return cy * _nx + cx;
    }

    /// <summary>Adds every stop within <paramref name="radiusMeters"/> (inclusive) of (x, y) with its distance.</summary>
    public void Near(double x, double y, double radiusMeters, List<(int Stop, double DistanceMeters)> result)
    {
        if (_items.Length == 0)
        {
            return;
        }

        var x0 = (int)Math.Floor((x - radiusMeters - _minX) / CellMeters);
        var x1 = (int)Math.Floor((x + radiusMeters - _minX) / CellMeters);
        var y0 = (int)Math.Floor((y - radiusMeters - _minY) / CellMeters);
        var y1 = (int)Math.Floor((y + radiusMeters - _minY) / CellMeters);
        x0 = Math.Max(x0, 0);
        y0 = Math.Max(y0, 0);
        x1 = Math.Min(x1, _nx - 1);
        y1 = Math.Min(y1, _ny - 1);
        var r2 = radiusMeters * radiusMeters;
        for (var cy = y0; cy <= y1; cy++)
        {
            for (var cx = x0; cx <= x1; cx++)
            {
                var c = cy * _nx + cx;
                for (var k = _cellStart[c]; k < _cellStart[c + 1]; k++)
                {
                    var s = _items[k];
                    var dx = _x[s] - x;
                    var dy = _y[s] - y;
                    var d2 = dx * dx + dy * dy;
                    if (d2 <= r2)
                    {
                        result.Add((s, Math.Sqrt(d2)));
                    }
                }
            }
        }
    }
}
