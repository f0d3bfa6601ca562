using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.PostGis.Import;

namespace Sousei.Geo.PostGis.Tests.Import;

public sealed class PostGisImporterTests
{
    private static readonly PlaneProjection Zone2 = PlaneProjection.Kumamoto;

    [PostGisFact]
    public void Importing_a_store_fills_every_layer_with_city_code()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(seed: 1, households: 300, buildings: 100);
        var report = PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, Zone2));
        Assert.Equal(300, t.Count("households"));
        Assert.Equal(240, t.Count("town_blocks"));
        Assert.Equal(100, t.Count("buildings"));
        Assert.Equal(3, t.Count("inducement_area"));
        Assert.Equal(20, t.Count("vacant_house_owners"));
        Assert.Contains(report.Layers, l => l.Layer == "households" && l.Replaced == "years 2015, 2020");
    }

    [PostGisFact]
    public void Reimporting_a_year_replaces_it_and_leaves_other_years_and_cities_alone()
    {
        using var t = TestDatabase.Create();
        var area = new List<(string?, NetTopologySuite.Geometries.Geometry)> { ("a", Square(130.70, 32.80, 0.01)) };
        List<Household> Year(int year, int n) => Enumerable.Range(0, n).Select(i => new Household(130.701 + i * 1e-5, 32.801, 2, year)).ToList();
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", InducementArea = area, Households = Year(2020, 10) });
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Year(2020, 10) });
        Assert.Equal(10L, t.Scalar("SELECT count(*) FROM households WHERE year = 2020"));

        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Year(2023, 7) });
        PostGisImporter.Import(t.Db, "43201", new ImportBatch { Source = "x", Households = Year(2020, 5) });
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", Households = Year(2020, 4) });
        Assert.Equal(4L, t.Scalar("SELECT count(*) FROM households WHERE city_code = '43100' AND year = 2020"));
        Assert.Equal(7L, t.Scalar("SELECT count(*) FROM households WHERE city_code = '43100' AND year = 2023"));
        Assert.Equal(5L, t.Scalar("SELECT count(*) FROM households WHERE city_code = '43201'"));
        Assert.Equal(1L, t.Scalar("SELECT count(*) FROM inducement_area"));
    }

    [PostGisFact]
    public void Reimporting_a_store_twice_duplicates_nothing()
    {
        using var t = TestDatabase.Create();
        var dir = RandomCity.Write(seed: 2, households: 200, buildings: 50);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, Zone2));
        var once = t.Snapshot();
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(dir, Zone2));
        Assert.Equal(once, t.Snapshot());
    }

    [PostGisFact]
    public void A_year_beyond_the_table_check_is_refused_by_the_reader_naming_file_and_feature()
    {
        using var t = TestDatabase.Create();
        var good = RandomCity.Write(seed: 3, households: 100, buildings: 20);
        PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(good, Zone2));
        var before = t.Snapshot();

        // Year 3500: the file reader refuses it as the table's CHECK would (1800–3000), naming the feature, and nothing
        // is written. (A row that reaches the table and fails its CHECK after other layers were written rolls the whole
        // import back: BulkHouseholdImportTests.A_failure_after_a_bulk_load_leaves_rows_and_indexes_as_they_were.)
        var bad = RandomCity.Write(seed: 4, households: 100, buildings: 20);
        var text = File.ReadAllText(Path.Combine(bad, "town_blocks.geojson"));
        var at = text.IndexOf("\"year\":2015", StringComparison.Ordinal);
        at = text.IndexOf("\"year\":2015", at + 1, StringComparison.Ordinal);
        text = text[..at] + "\"year\":3500" + text[(at + "\"year\":2015".Length)..];
        File.WriteAllText(Path.Combine(bad, "town_blocks.geojson"), text);

        var e = Assert.Throws<DataException>(() => PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(bad, Zone2)));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("town_blocks.geojson", problem.File);
        Assert.Equal(1, problem.FeatureIndex);
        Assert.Equal("attribute.year", problem.Code);
        Assert.Contains("from 1800 to 3000", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, t.Snapshot());
    }

    [PostGisFact]
    public void A_row_the_reader_rejects_writes_nothing()
    {
        using var t = TestDatabase.Create();
        var before = t.Snapshot();
        var bad = RandomCity.Write(seed: 5, households: 50, buildings: 10);
        var path = Path.Combine(bad, "households.geojson");
        var text = File.ReadAllText(path);
        var at = text.LastIndexOf("\"persons\":", StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + "\"persons\":-3," + text[(text.IndexOf(',', at) + 1)..]);
        var e = Assert.Throws<DataException>(() => PostGisImporter.Import(t.Db, "43100", FileStoreBatch.Read(bad, Zone2)));
        Assert.Contains(e.Problems, p => p.File == "households.geojson" && p.FeatureIndex == 49);
        Assert.Equal(before, t.Snapshot());
    }

    [Theory]
    [InlineData("43100'; DROP TABLE households; --")]
    [InlineData("43100 OR 1=1")]
    [InlineData("")]
    [InlineData("４３１００")]
    public void Injection_strings_as_city_are_refused_before_any_sql(string city)
    {
        Assert.Throws<ArgumentException>(() => Identifiers.City(city));
    }

    [Theory]
    [InlineData("households; DROP TABLE zones")]
    [InlineData("pg_catalog.pg_user")]
    [InlineData("Households")]
    public void Injection_strings_as_layer_are_refused(string layer)
    {
        Assert.Throws<ArgumentException>(() => Identifiers.Layer(layer));
    }

    [PostGisFact]
    public void Injection_strings_in_values_are_stored_verbatim_and_change_nothing_else()
    {
        using var t = TestDatabase.Create();
        const string evil = "x'); DROP TABLE zones; SELECT ('";
        var area = new List<(string?, NetTopologySuite.Geometries.Geometry)> { (evil, Square(130.70, 32.80, 0.01)) };
        var zones = new List<Zone> { new(evil, evil + " name", "ward", Square(130.70, 32.80, 0.005)) };
        PostGisImporter.Import(t.Db, "43100", new ImportBatch { Source = "x", InducementArea = area, Zones = zones });
        Assert.Equal(evil, t.Scalar("SELECT id FROM zones"));
        Assert.Equal(evil, t.Scalar("SELECT name FROM inducement_area"));
        Assert.Throws<ArgumentException>(() => PostGisImporter.Import(t.Db, "43100'; DELETE FROM zones; --", new ImportBatch { Source = "x", Zones = [] }));
        Assert.Throws<ArgumentException>(() => Load.PostGisCityLoader.Load(t.Db, "1 OR 1=1"));
        Assert.Equal(1, t.Count("zones"));
        var loaded = Load.PostGisCityLoader.Load(t.Db, "43100");
        Assert.Equal(evil, loaded.Zones[0].Id);
    }

    internal static NetTopologySuite.Geometries.Polygon Square(double x, double y, double size)
    {
        var f = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
        return f.CreatePolygon(RandomCity.Ring(x, y, size, size));
    }
}
