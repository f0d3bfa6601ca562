using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>XYZ tile arithmetic (OSM slippy-map formulas) and decoding with NTS's reader.</summary>
internal static class TileMath
{
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var latRad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    /// <summary>Decodes a tile fetched from <paramref name="path"/> (…/{z}/{x}/{y}.mvt) into features in longitude/latitude.</summary>
    public static IList<IFeature> Decode(byte[] body, string path)
    {
        var parts = path.Split('/');
        var z = int.Parse(parts[^3], System.Globalization.CultureInfo.InvariantCulture);
        var x = int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
        var y = int.Parse(parts[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        using var stream = new MemoryStream(body);
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        return tile.Layers.SelectMany(l => l.Features).ToList();
    }
}
