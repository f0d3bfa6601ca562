using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Sousei.Geo.PostGis.Tests;

/// <summary>
/// A random file store around Kumamoto (130.7 E, 32.8 N): overlapping inducement-area polygons
/// (one with a hole), zones partly outside the area, a grid of town blocks for two years,
/// buildings of mixed use, households for two years, hubs and vacant houses. Deterministic per seed.
/// </summary>
internal static class RandomCity
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 4326);

    public static string Write(int seed, int households = 4000, int buildings = 1500, string? directory = null)
    {
        var rng = new Random(seed);
        var dir = directory ?? Path.Combine(Path.GetTempPath(), "sousei-pg-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        const double lon0 = 130.68, lat0 = 32.78, width = 0.06, height = 0.05;
        double Lon() => lon0 + rng.NextDouble() * width;
        double Lat() => lat0 + rng.NextDouble() * height;

        var area = new List<IFeature>();
        for (var i = 0; i < 3; i++)
        {
            var x = lon0 + 0.005 + rng.NextDouble() * 0.025;
            var y = lat0 + 0.005 + rng.NextDouble() * 0.02;
            var w = 0.015 + rng.NextDouble() * 0.015;
            var h = 0.012 + rng.NextDouble() * 0.012;
            Polygon p;
            if (i == 0)
            {
                var hole = Ring(x + w * 0.4, y + h * 0.4, w * 0.2, h * 0.2);
                p = F.CreatePolygon(Ring(x, y, w, h), [hole]);
            }
            else
            {
                p = F.CreatePolygon(RandomConvex(rng, x, y, w, h));
            }

            area.Add(new Feature(p, new AttributesTable { { "name", $"居住誘導区域 {i + 1}" } }));
        }

        var zones = new List<IFeature>();
        for (var i = 0; i < 4; i++)
        {
            var x = Lon() - 0.01;
            var y = Lat() - 0.01;
            zones.Add(new Feature(F.CreatePolygon(RandomConvex(rng, x, y, 0.02 + rng.NextDouble() * 0.02, 0.02)),
                new AttributesTable { { "id", $"z{i}" }, { "name", $"ゾーン{i}" }, { "kind", i == 0 ? "ward" : "hub_area" } }));
        }

        var blocks = new List<IFeature>();
        foreach (var year in new[] { 2015, 2020 })
        {
            var n = 0;
            for (var gx = 0; gx < 12; gx++)
            {
                for (var gy = 0; gy < 10; gy++)
                {
                    var cell = Ring(lon0 + gx * width / 12, lat0 + gy * height / 10, width / 12, height / 10);
                    blocks.Add(new Feature(F.CreatePolygon(cell), new AttributesTable
                    {
                        { "code", $"B{gx:D2}{gy:D2}" }, { "name", $"町{n++}" }, { "persons", rng.Next(0, 3) == 0 ? 0 : rng.Next(1, 900) }, { "year", year },
                    }));
                }
            }
        }

        var uses = new[] { "residential", "residential", "mixed", "commercial" };
        var bldgs = new List<IFeature>();
        for (var i = 0; i < buildings; i++)
        {
            var x = Lon();
            var y = Lat();
            bldgs.Add(new Feature(F.CreatePolygon(Ring(x, y, 0.0001 + rng.NextDouble() * 0.0002, 0.0001 + rng.NextDouble() * 0.0002)),
                new AttributesTable { { "id", $"b{i}" }, { "floors", rng.Next(1, 8) }, { "use", uses[rng.Next(uses.Length)] } }));
        }

        var hh = new List<IFeature>();
        for (var i = 0; i < households; i++)
        {
            hh.Add(new Feature(F.CreatePoint(new Coordinate(Lon(), Lat())),
                new AttributesTable { { "persons", rng.Next(0, 6) }, { "year", i % 3 == 0 ? 2015 : 2020 } }));
        }

        var hubs = new List<IFeature>
        {
            new Feature(F.CreatePoint(new Coordinate(130.70, 32.80)), new AttributesTable { { "id", "central" }, { "name", "中心市街地" }, { "kind", "central" } }),
            new Feature(F.CreatePoint(new Coordinate(130.72, 32.81)), new AttributesTable { { "id", "east" }, { "name", "東部" }, { "kind", "regional" } }),
        };
        var vacant = new List<IFeature>();
        for (var i = 0; i < 20; i++)
        {
            vacant.Add(new Feature(F.CreatePoint(new Coordinate(Lon(), Lat())), new AttributesTable
            {
                { "id", $"v{i}" }, { "vacancy_likelihood", i % 2 == 0 ? "high" : "low" }, { "decay_rank", "medium" }, { "built_year", 1960 + i },
                { "structure", "wood" }, { "floor_area_m2", 80.5 + i }, { "status", "vacant" }, { "owner_name", $"所有者{i}" }, { "owner_contact", "096-000-0000" },
            }));
        }

        Save(dir, "inducement_area", area);
        Save(dir, "zones", zones);
        Save(dir, "town_blocks", blocks);
        Save(dir, "buildings", bldgs);
        Save(dir, "households", hh);
        Save(dir, "hubs", hubs);
        Save(dir, "vacant_houses", vacant);
        return dir;
    }

    public static void Save(string dir, string layer, IEnumerable<IFeature> features)
    {
        var collection = new FeatureCollection();
        foreach (var f in features)
        {
            collection.Add(f);
        }

        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(F));
        File.WriteAllText(Path.Combine(dir, layer + ".geojson"), JsonSerializer.Serialize(collection, options));
    }

    public static LinearRing Ring(double x, double y, double w, double h) =>
        F.CreateLinearRing([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);

    private static Coordinate[] RandomConvex(Random rng, double x, double y, double w, double h)
    {
        var points = Enumerable.Range(0, 12).Select(_ => new Coordinate(x + rng.NextDouble() * w, y + rng.NextDouble() * h)).ToArray();
        var hull = (Polygon)F.CreateMultiPointFromCoords(points).ConvexHull();
        return hull.ExteriorRing.Coordinates;
    }
}
