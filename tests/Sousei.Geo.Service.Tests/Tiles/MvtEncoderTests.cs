using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Sousei.Geo.Service.Tiles;

namespace Sousei.Geo.Service.Tests.Tiles;

/// <summary>
/// The service's own MVT encoder (issue 12), decoded by NTS's reader as the independent oracle: positions on the grid
/// worked out by hand, windings by the spec (exterior clockwise in tile coordinates), attributes of every type, and the
/// shapes too small for the grid left out.
/// </summary>
public sealed class MvtEncoderTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Fact]
    public void A_point_lands_on_the_hand_computed_grid_cell()
    {
        // Tile 1/0/0 is lon −180..0, lat 0..85.05. Lon −90 is world x 0.25 → 0.25 × 2 × 4096 = 2048; lat 0 is world y 0.5 →
        // 4096. Commands: MoveTo(1) = 9, then zigzag(2048) = 4096, zigzag(4096) = 8192.
        var encoder = new MvtEncoder("p", 1, 0, 0);
        Assert.True(encoder.Add(Factory.CreatePoint(new Coordinate(-90, 0)), new AttributesTable { { "name", "a" } }));
        var tile = encoder.ToTile();
        Assert.True(ContainsPacked(tile, [9, 4096, 8192]), "geometry commands 9, 4096, 8192 not found");
        var feature = Assert.Single(Decode(tile, 1, 0, 0));
        var point = Assert.IsType<Point>(feature.Geometry);
        Assert.Equal(-90, point.X, 6);
        Assert.Equal(0, point.Y, 6);
        Assert.Equal("a", feature.Attributes["name"]);
    }

    [Fact]
    public void A_polygon_keeps_its_hole_whatever_the_windings_given()
    {
        // A 0.01° square with a hole, its shell clockwise in lon/lat (the opposite of RFC 7946) and the hole too: the encoder
        // writes the shell clockwise on screen and the hole counter-clockwise, so a reader sees one polygon with one hole.
        const double X = 130.70, Y = 32.80, D = 0.01;
        var shell = Factory.CreateLinearRing([new(X, Y), new(X, Y + D), new(X + D, Y + D), new(X + D, Y), new(X, Y)]);
        var hole = Factory.CreateLinearRing([new(X + 0.003, Y + 0.003), new(X + 0.003, Y + 0.006), new(X + 0.006, Y + 0.006), new(X + 0.006, Y + 0.003), new(X + 0.003, Y + 0.003)]);
        var (tx, ty) = Fixtures.TileMath.TileOf(X + 0.005, Y + 0.005, 14);
        var encoder = new MvtEncoder("b", 14, tx, ty);
        Assert.True(encoder.Add(Factory.CreatePolygon(shell, [hole]), new AttributesTable { { "floors", 3L } }));
        var feature = Assert.Single(Decode(encoder.ToTile(), 14, tx, ty));
        var polygon = Assert.IsType<Polygon>(feature.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        // Area within the grid's rounding: (0.01² − 0.003²) degrees².
        Assert.Equal((D * D) - (0.003 * 0.003), polygon.Area, 7);
        Assert.Equal(3L, Convert.ToInt64(feature.Attributes["floors"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Values_of_every_type_come_back_and_are_stored_once()
    {
        var encoder = new MvtEncoder("v", 10, 900, 410);
        var (lon, lat) = (130.7, 32.8);
        for (var i = 0; i < 3; i++)
        {
            encoder.Add(Factory.CreatePoint(new Coordinate(lon, lat)), new AttributesTable { { "text", "熊本" }, { "yes", true }, { "n", -7L }, { "share", 0.25 }, { "none", null } });
        }

        var tile = encoder.ToTile();
        var features = Decode(tile, 10, 900, 410);
        Assert.Equal(3, features.Count);
        Assert.All(features, f =>
        {
            Assert.Equal("熊本", f.Attributes["text"]);
            Assert.Equal(true, f.Attributes["yes"]);
            Assert.Equal(-7L, Convert.ToInt64(f.Attributes["n"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0.25, Convert.ToDouble(f.Attributes["share"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(f.Attributes.Exists("none"));
        });

        // Interned: the UTF-8 of 熊本 is in the tile once for three features.
        var text = System.Text.Encoding.UTF8.GetBytes("熊本");
        Assert.Equal(1, Count(tile, text));
    }

    [Fact]
    public void Shapes_smaller_than_the_grid_are_left_out()
    {
        // At zoom 10 a tile unit is about 0.0000858° of longitude: a square of 0.00005° collapses; an empty tile remains.
        var encoder = new MvtEncoder("b", 10, 903, 410);
        var tiny = Factory.CreatePolygon([new(130.7, 32.8), new(130.70005, 32.8), new(130.70005, 32.80005), new(130.7, 32.80005), new(130.7, 32.8)]);
        Assert.False(encoder.Add(tiny, new AttributesTable()));
        Assert.Equal(0, encoder.Count);
        Assert.Empty(Decode(encoder.ToTile(), 10, 903, 410));
    }

    private static List<IFeature> Decode(byte[] tile, int z, int x, int y)
    {
        using var stream = new MemoryStream(tile);
        return [.. new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z)).Layers.SelectMany(l => l.Features)];
    }

    private static bool ContainsPacked(byte[] tile, uint[] values)
    {
        var bytes = new List<byte>();
        foreach (var v in values)
        {
            var u = v;
            while (u >= 0x80)
            {
                bytes.Add((byte)(u | 0x80));
                u >>= 7;
            }

            bytes.Add((byte)u);
        }

        return Count(tile, [.. bytes]) > 0;
    }

    private static int Count(byte[] haystack, byte[] needle)
    {
        var n = 0;
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                n++;
            }
        }

        return n;
    }
}
