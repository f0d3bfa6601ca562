using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.PostGis.Density;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Density;

/// <summary>The SQL engine against the in-memory engine on random cities, and both against PostGIS areas.</summary>
public sealed class SqlDensityEngineTests
{
    [PostGisFact]
    public void Sql_and_memory_engines_agree_on_random_cities_for_every_method_year_and_zone()
    {
        using var t = TestDatabase.Create();
        foreach (var (seed, city) in new[] { (21, "43100"), (22, "43201"), (23, "43202") })
        {
            var dir = RandomCity.Write(seed, households: 3000, buildings: 1200);
            PostGisImporter.Import(t.Db, city, FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
            var data = FileStoreReader.Load(dir, PlaneProjection.Kumamoto).Dataset;
            var study = new StudyArea(data.InducementArea, data.Zones, PlaneProjection.Kumamoto);
            var sql = new SqlDensityEngine(t.Db, city, PlaneProjection.Kumamoto);
            Assert.Equal(DensityAnalysis.AvailableMethods(data), sql.AvailableMethods());
            foreach (var method in DensityAnalysis.AvailableMethods(data))
            {
                Assert.Equal(DensityAnalysis.Years(data, method), sql.Years(method));
                foreach (var year in DensityAnalysis.Years(data, method))
                {
                    var expected = DensityCalculator.Compute(study, data, method, year);
                    var actual = sql.Compute(method, year);
                    AssertAgree(expected.Total, actual.Total, method);

                    // IF101's denominator: the same households, or the same areal weighting of units against the ward.
                    Assert.Equal(expected.CityPopulation!.Value, actual.CityPopulation!.Value, Math.Max(1e-6, expected.CityPopulation.Value * 1e-6));
                    Assert.Equal(expected.Zones.Count, actual.Zones.Count);
                    for (var z = 0; z < expected.Zones.Count; z++)
                    {
                        AssertAgree(expected.Zones[z], actual.Zones[z], method);
                    }
                }
            }
        }
    }

    [PostGisFact]
    public void Areas_in_another_plane_zone_follow_crs()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(31, households: 200, buildings: 100);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
        var zone1 = PlaneProjection.ForEpsg(6669);
        var data = FileStoreReader.Load(dir, PlaneProjection.Kumamoto).Dataset;
        var expected = DensityCalculator.Compute(new StudyArea(data.InducementArea, data.Zones, zone1), data, DensityMethod.Blocks, 2020);
        var actual = new SqlDensityEngine(t.Db, "43100", zone1).Compute(DensityMethod.Blocks, 2020);
        AssertAgree(expected.Total, actual.Total, DensityMethod.Blocks);
    }

    [PostGisFact]
    public void StudyArea_areas_match_PostGIS_ST_Area_of_ST_Transform_to_6670()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(41, households: 10, buildings: 300);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, PlaneProjection.Kumamoto));
        var data = FileStoreReader.Load(dir, PlaneProjection.Kumamoto).Dataset;
        var study = new StudyArea(data.InducementArea, data.Zones, PlaneProjection.Kumamoto);

        // PostGIS is the oracle: union, transform to EPSG:6670, planar area.
        var area = Convert.ToDouble(t.Scalar("SELECT ST_Area(ST_Transform(ST_Union(geom), 6670)) FROM inducement_area WHERE city_code = '43100'"), System.Globalization.CultureInfo.InvariantCulture);
        AssertClose(area, study.Area.AreaSquareMeters);
        for (var z = 0; z < data.Zones.Count; z++)
        {
            var zoneArea = Convert.ToDouble(t.Scalar("""
                SELECT ST_Area(ST_Intersection(ST_Transform(z.geom, 6670), (SELECT ST_Transform(ST_Union(geom), 6670) FROM inducement_area WHERE city_code = '43100')))
                FROM zones z WHERE z.city_code = '43100' AND z.ord = $1
                """, z), System.Globalization.CultureInfo.InvariantCulture);
            AssertClose(zoneArea, study.Zones[z].AreaSquareMeters);
        }

        for (var b = 0; b < data.Buildings.Count; b += 37)
        {
            var footprint = Convert.ToDouble(t.Scalar("SELECT ST_Area(ST_Transform(geom, 6670)) FROM buildings WHERE ord = $1", b), System.Globalization.CultureInfo.InvariantCulture);
            AssertClose(footprint, PlaneProjection.Kumamoto.AreaSquareMeters(data.Buildings[b].Geometry));
        }
    }

    [PostGisFact]
    public void Two_hectare_square_with_121_persons_has_density_60_5_in_sql()
    {
        // 200 m × 100 m in EPSG:6670 = 2 ha; 121 persons → 60.5 /ha, gap ceil(60.7 × 2 − 121) = 1.
        using var t = TestDatabase.Create();
        var p = PlaneProjection.Kumamoto;
        var f = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 6670);
        var plane = f.CreatePolygon([new(-20000, -40000), new(-19800, -40000), new(-19800, -39900), new(-20000, -39900), new(-20000, -40000)]);
        var lonLat = p.Unproject(plane);
        var (x, y) = p.Unproject(-19900, -39950);
        PostGisImporter.Import(t.Db, "43100", new ImportBatch
        {
            Source = "hand",
            InducementArea = [("a", lonLat)],
            Households = [new Sousei.Geo.Core.Model.Household(x, y, 121, 2024)],
        });
        var r = new SqlDensityEngine(t.Db, "43100", p).Compute(DensityMethod.Households, 2024);
        Assert.Equal(121, r.Total.Population);
        Assert.Equal(2.0, r.Total.AreaHectares, 6);
        Assert.Equal(60.5, r.Total.DensityPerHectare!.Value, 6);
        Assert.Equal(1, r.Total.GapPersons);
    }

    private static void AssertAgree(AreaDensity expected, AreaDensity actual, DensityMethod method)
    {
        Assert.Equal(expected.Id, actual.Id);
        if (method == DensityMethod.Households)
        {
            Assert.Equal(expected.Population, actual.Population);
        }
        else
        {
            AssertClose(expected.Population, actual.Population);
        }

        AssertClose(expected.AreaHectares, actual.AreaHectares);
    }

    private static void AssertClose(double expected, double actual)
    {
        var tolerance = Math.Max(Math.Abs(expected) * 1e-4, 1e-9);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± 0.01 %, got {actual}");
    }
}
