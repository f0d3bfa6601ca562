namespace Sousei.Geo.IO.Tiles;

/// <summary>
/// PMTiles v3 tile ids: zoom levels one after another from z = 0 (ids before zoom z: (4^z − 1) / 3), and within a
/// zoom the position along the Hilbert curve of order z over (x, y) of the XYZ scheme (Hilbert 1891; the classic
/// iterative xy→d conversion). So z0 is 0 and the z1 tiles (0,0), (0,1), (1,1), (1,0) are 1, 2, 3, 4.
/// </summary>
public static class PmTileId
{
    /// <summary>Largest zoom whose ids fit in 64 bits with room to spare.</summary>
    public const int MaxZoom = 31;

    /// <summary>The id of tile <paramref name="z"/>/<paramref name="x"/>/<paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">z outside 0..31, or x, y outside 0..2^z − 1.</exception>
    public static ulong FromZxy(int z, long x, long y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(z, MaxZoom);
        var n = 1L << z;
        if (x < 0 || y < 0 || x >= n || y >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"tile {z}/{x}/{y} lies outside the zoom level");
        }

        ulong d = 0;
        for (var s = n / 2; s > 0; s /= 2)
        {
            var rx = (x & s) > 0 ? 1L : 0;
            var ry = (y & s) > 0 ? 1L : 0;
            d += (ulong)s * (ulong)s * (ulong)((3 * rx) ^ ry);
            (x, y) = Rotate(n, x, y, rx, ry);
        }

        return ZoomStart(z) + d;
    }

    /// <summary>The tile of an id (the inverse of <see cref="FromZxy"/>).</summary>
    public static (int Z, long X, long Y) ToZxy(ulong id)
    {
        var z = 0;
        while (z < MaxZoom && ZoomStart(z + 1) <= id)
        {
            z++;
        }

        var t = id - ZoomStart(z);
        var n = 1L << z;
        long x = 0, y = 0;
        for (long s = 1; s < n; s *= 2)
        {
            var rx = (long)(1 & (t / 2));
            var ry = (long)(1 & (t ^ (ulong)rx));
            (x, y) = Rotate(s, x, y, rx, ry);
            x += s * rx;
            y += s * ry;
            t /= 4;
        }

        return (z, x, y);
    }

    /// <summary>How many tiles all zooms below <paramref name="z"/> hold: (4^z − 1) / 3.</summary>
    public static ulong ZoomStart(int z) => ((1UL << (2 * z)) - 1) / 3;

    private static (long X, long Y) Rotate(long n, long x, long y, long rx, long ry)
    {
        if (ry != 0)
        {
            return (x, y);
        }

        if (rx == 1)
        {
            x = n - 1 - x;
            y = n - 1 - y;
        }

        return (y, x);
    }
}
