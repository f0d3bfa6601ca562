using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using static Sousei.Geo.IO.Tests.FileStore.TempStore;

namespace Sousei.Geo.IO.Tests.FileStore;

public class FileStoreReaderTests
{
    private static readonly PlaneProjection Plane = PlaneProjection.Kumamoto;
    private static readonly (double Lon, double Lat) Inside = Plane.Unproject(-26_950, -21_750);

    private static DataException LoadFails(TempStore store, bool repair = false) =>
        Assert.Throws<DataException>(() => FileStoreReader.Load(store.Path, Plane, new FileStoreReader.Options(Repair: repair)));

    [Fact]
    public void A_valid_store_loads_households_with_persons_and_year()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("households.geojson", Collection(Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"persons\":3,\"year\":2023}")));

        var result = FileStoreReader.Load(store.Path, Plane);

        var h = Assert.Single(result.Dataset.Households);
        Assert.Equal(3, h.Persons);
        Assert.Equal(2023, h.Year);
        Assert.Equal(1.0, Plane.AreaSquareMeters(result.Dataset.InducementArea) / 10_000, 6);
    }

    [Fact]
    public void Households_carry_their_optional_age_groups_and_a_bad_one_is_named_with_its_feature()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var ok = PointGeometry(Inside.Lon, Inside.Lat);
        store.Write("households.geojson", Collection(
            Feature(ok, "{\"persons\":3,\"year\":2023,\"persons_65plus\":2,\"persons_0_14\":0}"),
            Feature(ok, "{\"persons\":2,\"year\":2023,\"persons_65plus\":null}"),
            Feature(ok, "{\"persons\":4,\"year\":2023}")));
        var households = FileStoreReader.Load(store.Path, Plane).Dataset.Households;
        Assert.Equal([(0, 2), (null, null), (null, null)], households.Select(h => (h.Persons0To14, h.Persons65Plus)));

        store.Write("households.geojson", Collection(
            Feature(ok, "{\"id\":\"a\",\"persons\":3,\"year\":2023,\"persons_65plus\":2}"),
            Feature(ok, "{\"id\":\"b\",\"persons\":1,\"year\":2023,\"persons_65plus\":2}")));
        var problem = Assert.Single(LoadFails(store).Problems);
        Assert.Equal(("b", 1, "attribute.persons_65plus"), (problem.FeatureId, problem.FeatureIndex!.Value, problem.Code));
        Assert.Contains("cannot exceed persons (1)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_inducement_area_is_named()
    {
        using var store = new TempStore();
        var e = LoadFails(store);
        var p = Assert.Single(e.Problems);
        Assert.Equal("layer.missing", p.Code);
        Assert.Contains("inducement_area.geojson", p.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_json_reports_the_file_and_line()
    {
        using var store = new TempStore();
        store.Write("inducement_area.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}\n]}");
        var p = Assert.Single(LoadFails(store).Problems);
        Assert.Equal("geojson.syntax", p.Code);
        Assert.Equal("inducement_area.geojson", p.File);
        Assert.Equal(3, p.Line);
    }

    [Fact]
    public void Every_bad_feature_is_reported_not_just_the_first()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var ok = PointGeometry(Inside.Lon, Inside.Lat);
        store.Write("households.geojson", Collection(
            Feature(ok, "{\"id\":\"h0\",\"persons\":2,\"year\":2023}"),
            Feature(ok, "{\"id\":\"h1\",\"persons\":-1,\"year\":2023}"),
            Feature(ok, "{\"id\":\"h2\",\"persons\":2.5,\"year\":2023}"),
            Feature(PointGeometry(Inside.Lat, Inside.Lon), "{\"id\":\"h3\",\"persons\":1,\"year\":2023}"),
            Feature(PointGeometry(-26_950, -21_750), "{\"id\":\"h4\",\"persons\":1,\"year\":2023}"),
            Feature(SquareGeometry(-26_950, -21_750, 10), "{\"id\":\"h5\",\"persons\":1,\"year\":2023}"),
            Feature(ok, "{\"id\":\"h6\",\"persons\":\"two\",\"year\":2023}")));

        var problems = LoadFails(store).Problems;

        Assert.Equal(6, problems.Count);
        Assert.All(problems, p => Assert.Equal("households.geojson", p.File));
        Assert.Equal(["h1", "h2", "h3", "h4", "h5", "h6"], problems.Select(p => p.FeatureId));
        Assert.Equal([1, 2, 3, 4, 5, 6], problems.Select(p => p.FeatureIndex!.Value));
        Assert.Contains("from 0 to 100000", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("must be an integer", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("swapped", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("plane metres", problems[3].Message, StringComparison.Ordinal);
        Assert.Equal("geometry.type", problems[4].Code);
        Assert.Contains("\"two\"", problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_intersecting_polygon_is_refused_and_repaired_only_when_asked()
    {
        using var store = new TempStore();
        // A bow tie: (0,0) (100,100) (100,0) (0,100) crosses itself at (50,50).
        var p = PlaneProjection.Kumamoto;
        var pts = new[] { (0.0, 0.0), (100.0, 100.0), (100.0, 0.0), (0.0, 100.0), (0.0, 0.0) }
            .Select(c => p.Unproject(-27_000 + c.Item1, -21_800 + c.Item2))
            .Select(c => FormattableString.Invariant($"[{c.Longitude},{c.Latitude}]"));
        var bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", pts) + "]]}";
        store.Write("inducement_area.geojson", Collection(Feature(bowTie, "{\"name\":\"bow tie\",\"id\":\"area-1\"}")));

        var problem = Assert.Single(LoadFails(store).Problems);
        Assert.Equal("geometry.invalid", problem.Code);
        Assert.Equal("area-1", problem.FeatureId);
        Assert.Contains("Self-intersection", problem.Message, StringComparison.OrdinalIgnoreCase);

        var repaired = FileStoreReader.Load(store.Path, Plane, new FileStoreReader.Options(Repair: true));
        Assert.True(repaired.Dataset.InducementArea.IsValid);
        // MakeValid keeps both triangles: 2 × (100 × 50 / 2) = 5,000 m² = 0.5 ha.
        Assert.Equal(0.5, Plane.AreaSquareMeters(repaired.Dataset.InducementArea) / 10_000, 4);
        Assert.Contains(repaired.Notes, n => n.Contains("MakeValid", StringComparison.Ordinal) && n.Contains("area-1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_wrong_geometry_type_for_a_layer_is_refused()
    {
        using var store = new TempStore();
        store.Write("inducement_area.geojson", Collection(Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"name\":\"x\"}")));
        var p = Assert.Single(LoadFails(store).Problems);
        Assert.Equal("geometry.type", p.Code);
        Assert.Contains("expected Polygon or MultiPolygon", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_capped()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var bad = Enumerable.Range(0, 50).Select(i => Feature(PointGeometry(Inside.Lon, Inside.Lat), $"{{\"persons\":-{i + 1},\"year\":2023}}")).ToArray();
        store.Write("households.geojson", Collection(bad));
        var e = LoadFails(store);
        Assert.Equal(20, e.Problems.Count);
        Assert.True(e.Truncated);
    }

    [Fact]
    public void A55_supplies_the_inducement_area_and_hub_areas_named_after_hubs()
    {
        using var store = new TempStore();
        store.Write("cityplan_a55.geojson", Collection(
            Feature(SquareGeometry(-27_000, -21_800, 1000), "{\"AreaType\":\"居住誘導区域\",\"AreaCode\":31}"),
            Feature(SquareGeometry(-26_800, -21_600, 200), "{\"AreaType\":\"都市機能誘導区域\",\"AreaCode\":32}"),
            Feature(SquareGeometry(-30_000, -30_000, 5000), "{\"AreaType\":\"立地適正化計画区域\",\"AreaCode\":0}")));
        var hub = Plane.Unproject(-26_700, -21_500);
        store.Write("hubs.geojson", Collection(Feature(PointGeometry(hub.Longitude, hub.Latitude), "{\"id\":\"central\",\"name\":\"中心市街地\",\"kind\":\"central\"}")));

        var data = FileStoreReader.Load(store.Path, Plane).Dataset;

        Assert.Equal(100.0, Plane.AreaSquareMeters(data.InducementArea) / 10_000, 4); // 1 km² = 100 ha
        var zone = Assert.Single(data.Zones);
        Assert.Equal("hub-central", zone.Id);
        Assert.Equal("中心市街地", zone.Name);
        Assert.Equal("hub_area", zone.Kind);
    }

    [Fact]
    public void Gzip_layers_are_read()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var json = Collection(Feature(PointGeometry(Inside.Lon, Inside.Lat), "{\"persons\":4,\"year\":2015}"));
        using (var file = File.Create(Path.Combine(store.Path, "households.geojson.gz")))
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        Assert.Equal(4, Assert.Single(FileStoreReader.Load(store.Path, Plane).Dataset.Households).Persons);
    }

    [Fact]
    public void A_corrupt_gzip_layer_is_reported_by_name()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        File.WriteAllBytes(Path.Combine(store.Path, "households.geojson.gz"), [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        var p = Assert.Single(LoadFails(store).Problems);
        // A truncated gzip stream decompresses to nothing usable: reported as unreadable or as broken JSON, by file name.
        Assert.Contains(p.Code, new[] { "layer.unreadable", "geojson.syntax" });
        Assert.Equal("households.geojson.gz", p.File);
    }
}
