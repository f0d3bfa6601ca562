namespace Sousei.Geo.Demo;

/// <summary>
/// A hash grid of discs in the plane (metres) that refuses a new disc closer than the sum of radii
/// to an existing one: keeps block seeds apart and building footprints from overlapping.
/// </summary>
internal sealed class SpacingGrid(double cellMeters)
{
    private readonly Dictionary<(long, long), List<(double X, double Y, double R)>> _cells = [];
    private double _maxRadiusMeters;

    public bool TryAdd(double x, double y, double radiusMeters)
    {
        var cx = (long)Math.Floor(x / cellMeters);
        var cy = (long)Math.Floor(y / cellMeters);
        var reach = (long)Math.Ceiling((radiusMeters + _maxRadiusMeters) / cellMeters);
        for (var i = cx - reach; i <= cx + reach; i++)
        {
            for (var j = cy - reach; j <= cy + reach; j++)
            {
                if (!_cells.TryGetValue((i, j), out var list))
                {
                    continue;
                }

                foreach (var (ox, oy, r) in list)
                {
                    var dx = ox - x;
                    var dy = oy - y;
                    var min = r + radiusMeters;
                    if (dx * dx + dy * dy < min * min)
                    {
                        return false;
                    }
                }
            }
        }

        if (!_cells.TryGetValue((cx, cy), out var cell))
        {
            cell = [];
            _cells[(cx, cy)] = cell;
        }

        cell.Add((x, y, radiusMeters));
        _maxRadiusMeters = Math.Max(_maxRadiusMeters, radiusMeters);
        return true;
    }
}
