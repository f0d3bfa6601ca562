using System.Text;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using static Sousei.Geo.IO.Tests.FileStore.TempStore;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>Bad input that used to be accepted silently or misreported: each is now a named problem (or, for a BOM, read).</summary>
public class FileStoreBadInputTests
{
    private static readonly PlaneProjection Plane = PlaneProjection.Kumamoto;
    private static readonly (double Lon, double Lat) Inside = Plane.Unproject(-26_950, -21_750);

    private static DataException LoadFails(TempStore store) => Assert.Throws<DataException>(() => FileStoreReader.Load(store.Path, Plane));

    private static void WriteWithBom(TempStore store, string file, string text) =>
        File.WriteAllBytes(Path.Combine(store.Path, file), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public void A_utf8_byte_order_mark_before_the_json_is_skipped()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        WriteWithBom(store, "households.geojson", Collection(Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"persons\":3,\"year\":2023}")));
        WriteWithBom(store, "hubs.geojson", Collection(Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"c\",\"name\":\"Centre\",\"kind\":\"central\"}")));

        var data = FileStoreReader.Load(store.Path, Plane).Dataset;

        Assert.Equal(3, Assert.Single(data.Households).Persons);
        Assert.Equal("c", Assert.Single(data.Hubs).Id);
    }

    [Fact]
    public void After_a_byte_order_mark_problems_keep_their_feature_index_and_line()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        // Collection() puts each feature on its own line: feature 0 on line 2, feature 1 on line 3.
        WriteWithBom(store, "households.geojson", Collection(
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"ok\",\"persons\":3,\"year\":2023}"),
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"bad\",\"persons\":-3,\"year\":2023}")));

        var p = Assert.Single(LoadFails(store).Problems);

        Assert.Equal("attribute.persons", p.Code);
        Assert.Equal(1, p.FeatureIndex);
        Assert.Equal("bad", p.FeatureId);
        Assert.Equal(3, p.Line);
    }

    [Fact]
    public void A_store_path_that_is_a_file_says_so()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var file = Path.Combine(store.Path, "inducement_area.geojson");

        var p = Assert.Single(Assert.Throws<DataException>(() => FileStoreReader.Load(file, Plane)).Problems);

        Assert.Equal("store.missing", p.Code);
        Assert.Equal(file, p.File);
        Assert.Contains("is a file", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_that_is_a_directory_is_reported_not_skipped()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        Directory.CreateDirectory(Path.Combine(store.Path, "vacant_houses.geojson"));

        var p = Assert.Single(LoadFails(store).Problems);

        Assert.Equal("layer.unreadable", p.Code);
        Assert.Equal("vacant_houses.geojson", p.File);
        Assert.Contains("directory", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"built_year\":1975.5", "attribute.built_year", "must be an integer")]
    [InlineData("\"built_year\":1e12", "attribute.built_year", "1000000000000")]
    [InlineData("\"floor_area_m2\":-20", "attribute.floor_area_m2", "≥ 0")]
    [InlineData("\"frontage_road_width_m\":-1.5", "attribute.frontage_road_width_m", "≥ 0")]
    [InlineData("\"survey_date\":\"2024/04/01\"", "attribute.survey_date", "YYYY-MM-DD")]
    [InlineData("\"survey_date\":\"2024-02-30\"", "attribute.survey_date", "YYYY-MM-DD")]
    [InlineData("\"status\":\"Demolished\"", "attribute.status", "'Demolished'")]
    public void A_vacant_house_attribute_out_of_its_domain_is_a_problem_naming_the_house(string property, string code, string mentioned)
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("vacant_houses.geojson", Collection(
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"v-ok\",\"built_year\":1975,\"floor_area_m2\":80,\"survey_date\":\"2024-04-01\",\"status\":\"vacant\"}"),
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"v-bad\"," + property + "}")));

        var p = Assert.Single(LoadFails(store).Problems);

        Assert.Equal(code, p.Code);
        Assert.Equal("vacant_houses.geojson", p.File);
        Assert.Equal("v-bad", p.FeatureId);
        Assert.Equal(1, p.FeatureIndex);
        Assert.Equal(3, p.Line);
        Assert.Contains(mentioned, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vacant_house_with_every_known_status_loads()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        string[] statuses = ["vacant", "listed", "under_repair", "specified", "demolished"];
        store.Write("vacant_houses.geojson", Collection(statuses.Select(s => Feature(PointGeometry(Inside.Lon, Inside.Lat), $"{{\"id\":\"{s}\",\"status\":\"{s}\",\"built_year\":\"1980\"}}")).ToArray()));

        var houses = FileStoreReader.Load(store.Path, Plane).Dataset.VacantHouses;

        Assert.Equal(statuses, houses.Select(h => h.Status));
        Assert.All(houses, h => Assert.Equal(1980, h.BuiltYear));
    }

    [Fact]
    public void Two_central_hubs_are_a_problem_naming_both()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("hubs.geojson", Collection(
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"a\",\"name\":\"A\",\"kind\":\"central\"}"),
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"b\",\"name\":\"B\",\"kind\":\"regional\"}"),
            Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"id\":\"c\",\"name\":\"C\",\"kind\":\"central\"}")));

        var p = Assert.Single(LoadFails(store).Problems);

        Assert.Equal("hubs.central", p.Code);
        Assert.Equal("hubs.geojson", p.File);
        Assert.Contains("'a'", p.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", p.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'b'", p.Message, StringComparison.Ordinal);
    }
}
