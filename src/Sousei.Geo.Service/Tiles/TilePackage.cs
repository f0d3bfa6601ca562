using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis;
using Sousei.Geo.IO.Tiles;

namespace Sousei.Geo.Service.Tiles;

/// <summary>
/// The public vector tiles of a city as one package (<c>sousei tiles</c>): for every XYZ tile from
/// <c>minZoom</c> to <c>maxZoom</c> that meets the area, the tiles <see cref="TileService.Render"/> gives the
/// endpoint <c>/tiles/{layer}/{z}/{x}/{y}.mvt</c>, layer by layer, stacked into one MVT. A Tile message is nothing
/// but repeated layers (field 3), so concatenating the encoded one-layer tiles is the encoding of the tile holding
/// them all (protobuf merges repeated fields by appending): each layer's bytes are exactly the endpoint's.
/// Layers without a feature in a tile are left out of it, and a tile with no feature at all is not written.
/// Rendering runs on every core; results come in zoom, then row, then column order.
/// </summary>
public static class TilePackage
{
    /// <summary>The stacked tiles (uncompressed MVT).</summary>
    public static IEnumerable<ArchiveTile> Tiles(TileService tiles, IReadOnlyList<string> layers, int minZoom, int maxZoom, Envelope area)
    {
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y0, x1, y1) = Range(area, z);
            var zoom = z;
            var coordinates = Enumerable.Range(y0, y1 - y0 + 1).SelectMany(y => Enumerable.Range(x0, x1 - x0 + 1).Select(x => (X: x, Y: y)));
            var rendered = coordinates.AsParallel().AsOrdered().Select(c => Stack(tiles, layers, zoom, c.X, c.Y));
            foreach (var tile in rendered)
            {
                if (tile is { } t)
                {
                    yield return t;
                }
            }
        }
    }

    /// <summary>Columns and rows (XYZ, y = 0 at the north) of the tiles at zoom <paramref name="z"/> that meet <paramref name="area"/> (longitude/latitude).</summary>
    public static (int MinX, int MinY, int MaxX, int MaxY) Range(Envelope area, int z)
    {
        var n = 1 << z;
        int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / 360 * n), 0, n - 1);
        int Row(double lat)
        {
            var r = Math.Clamp(lat, -85.05112878, 85.05112878) * Math.PI / 180;
            return Math.Clamp((int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n), 0, n - 1);
        }

        return (Column(area.MinX), Row(area.MaxY), Column(area.MaxX), Row(area.MinY));
    }

    /// <summary>TileJSON 3.0 <c>vector_layers</c>: each layer's id, fields and zoom range within the package.</summary>
    public static JsonArray VectorLayers(TileService tiles, IReadOnlyList<string> layers, int minZoom, int maxZoom)
    {
        var array = new JsonArray();
        foreach (var name in layers)
        {
            var fields = new JsonObject();
            foreach (var (field, type) in tiles.FieldsOf(name))
            {
                fields[field] = type;
            }

            array.Add(new JsonObject
            {
                ["id"] = name,
                ["fields"] = fields,
                ["minzoom"] = Math.Clamp(tiles.MinZoomOf(name), minZoom, maxZoom),
                ["maxzoom"] = maxZoom,
            });
        }

        return array;
    }

    /// <summary>The package's metadata: the store's title, its credits as the attribution, bounds and center of the area.</summary>
    public static TileArchiveMetadata Metadata(City city, TileService tiles, IReadOnlyList<string> layers, int minZoom, int maxZoom, Envelope area)
    {
        var credits = city.Metadata.Sources.Select(s => s.Credit).Distinct(StringComparer.Ordinal).ToList();
        return new TileArchiveMetadata
        {
            Format = TileFormat.Mvt,
            TileCompression = TileCompression.Gzip,
            Name = city.Metadata.Title ?? "Sousei.Geo",
            Description = "Sousei.Geo public layers: " + string.Join(", ", layers),
            Attribution = credits.Count == 0 ? null : string.Join(" / ", credits),
            MinZoom = minZoom,
            MaxZoom = maxZoom,
            Bounds = (area.MinX, area.MinY, area.MaxX, area.MaxY),
            Center = (area.Centre.X, area.Centre.Y, Math.Clamp(12, minZoom, maxZoom)),
            VectorLayers = VectorLayers(tiles, layers, minZoom, maxZoom),
        };
    }

    private static ArchiveTile? Stack(TileService tiles, IReadOnlyList<string> layers, int z, int x, int y)
    {
        var parts = new List<byte[]>(layers.Count);
        foreach (var layer in layers)
        {
            var tile = tiles.Render(layer, z, x, y);
            if (tile.FeatureCount > 0)
            {
                parts.Add(tile.Body);
            }
        }

        return parts.Count == 0 ? null : new ArchiveTile(z, x, y, parts.Count == 1 ? parts[0] : [.. parts.SelectMany(p => p)]);
    }
}
