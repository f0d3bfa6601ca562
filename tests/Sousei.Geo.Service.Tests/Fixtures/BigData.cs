using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>A city with many synthetic vacant houses (seeded), for streaming and speed checks.</summary>
internal static class BigData
{
    public static City Create(int houses)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var p = PlaneProjection.Kumamoto;
        Geometry Rect(double x0, double y0, double x1, double y1) => factory.CreatePolygon(new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }
            .Select(c => p.Unproject(FixtureStore.OriginX + c.Item1, FixtureStore.OriginY + c.Item2)).Select(c => new Coordinate(c.Longitude, c.Latitude)).ToArray());
        var random = new Random(7);
        var ranks = new[] { "low", "medium", "high" };
        var list = new List<VacantHouse>(houses);
        for (var i = 0; i < houses; i++)
        {
            var (lon, lat) = p.Unproject(FixtureStore.OriginX + random.NextDouble() * 10_000 - 5_000, FixtureStore.OriginY + random.NextDouble() * 10_000 - 5_000);
            list.Add(new VacantHouse($"V{i:D7}", factory.CreatePoint(new Coordinate(lon, lat)), ranks[i % 3], ranks[(i / 3) % 3], 1950 + i % 60, "wood",
                60 + i % 90, 100 + i % 200, 2 + i % 7, "2024-06-01", "vacant", "secret owner", "000-0000"));
        }

        var dataset = new CityDataset
        {
            InducementArea = Rect(0, 0, 1000, 1000),
            Zones = [new Zone("west", "西", "ward", Rect(-5000, -5000, 500, 5000)), new Zone("east", "東", "ward", Rect(500, -5000, 5000, 5000))],
            Hubs = [new Hub("central", "中心", HubKind.Central, factory.CreatePoint(new Coordinate(p.Unproject(FixtureStore.OriginX + 250, FixtureStore.OriginY + 500).Longitude, p.Unproject(FixtureStore.OriginX + 250, FixtureStore.OriginY + 500).Latitude)))],
            VacantHouses = list,
        };
        return City.FromDataset(dataset, p);
    }
}
