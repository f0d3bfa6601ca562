using System.IO.Compression;
using System.Text;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using static Sousei.Geo.IO.Tests.FileStore.TempStore;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>
/// Hostile layer files (issue 14): each one ends in a named problem of the file — never an exception from the JSON
/// reader, the attribute table or the overlay, never data read past the one top-level value, never a hang on a FIFO or
/// a device, never a decompression without bounds.
/// </summary>
public class HostileInputTests
{
    private static readonly PlaneProjection Plane = PlaneProjection.Kumamoto;
    private static readonly (double Lon, double Lat) Inside = Plane.Unproject(-26_950, -21_750);
    private static readonly string Ok = PointGeometry(Inside.Lon, Inside.Lat);

    private static DataProblem OnlyProblem(TempStore store)
    {
        var e = Assert.Throws<DataException>(() => FileStoreReader.Load(store.Path, Plane));
        return Assert.Single(e.Problems);
    }

    private static TempStore Store(string households)
    {
        var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("households.geojson", households);
        return store;
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("123456789012345678901234567890123456789012345678901234567890")]
    public void A_number_that_fits_no_double_is_a_named_problem_of_its_field(string number)
    {
        using var store = Store(Collection(Feature(Ok, $$"""{"persons":{{number}},"year":2023}""")));
        var p = OnlyProblem(store);
        Assert.Equal(("attribute.persons", 0), (p.Code, p.FeatureIndex!.Value));
        Assert.Contains(number[..5], p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overflowing_number_in_a_free_text_or_id_field_is_its_text()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("zones.geojson", Collection(Feature(SquareGeometry(-27_000, -21_800, 50), """{"id":1e400,"name":1e999,"kind":"ward"}""")));
        var zone = Assert.Single(FileStoreReader.Load(store.Path, Plane).Dataset.Zones);
        Assert.Equal(("1e400", "1e999"), (zone.Id, zone.Name));
    }

    [Theory]
    [InlineData("""{"persons":2,"year":2023,"note":"\ud800"}""", "ud800")]
    [InlineData("""{"persons":2,"year":2023,"note":"a\udc00b"}""", "udc00")]
    [InlineData("""{"persons":2,"\ud83d":1,"year":2023}""", "ud83d")]
    public void A_lone_surrogate_escape_is_refused_naming_it(string properties, string escape)
    {
        using var store = Store(Collection(Feature(Ok, properties)));
        var p = OnlyProblem(store);
        Assert.Equal("geojson.syntax", p.Code);
        Assert.Contains(escape, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_surrogate_pair_and_an_escaped_backslash_are_text()
    {
        using var store = Store(Collection(Feature(Ok, """{"persons":2,"year":2023,"note":"\ud83d\ude00 and \\ud800"}""")));
        Assert.Single(FileStoreReader.Load(store.Path, Plane).Dataset.Households);
    }

    [Fact]
    public void Shift_jis_and_utf16_are_named_with_how_to_convert()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var store = new TempStore();
        store.WriteMinimalArea();
        var text = Collection(Feature(Ok, """{"persons":2,"year":2023,"name":"熊本市中央区"}"""));
        File.WriteAllBytes(Path.Combine(store.Path, "households.geojson"), Encoding.GetEncoding(932).GetBytes(text));
        var sjis = OnlyProblem(store);
        Assert.Equal("geojson.encoding", sjis.Code);
        Assert.Contains("Shift_JIS", sjis.Message, StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(store.Path, "households.geojson"), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        Assert.Contains("UTF-16", OnlyProblem(store).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" garbage", "'g'")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", "a second JSON value")]
    [InlineData("\0\0\0\0", "NUL bytes")]
    [InlineData("\n\n]", "']'")]
    public void Anything_after_the_one_top_level_value_is_refused(string tail, string what)
    {
        using var store = Store(Collection(Feature(Ok, """{"persons":2,"year":2023}""")) + tail);
        var p = OnlyProblem(store);
        Assert.Equal("geojson.trailing_data", p.Code);
        Assert.Contains(what, p.Message, StringComparison.Ordinal);
        Assert.NotNull(p.Line);
    }

    [Fact]
    public void White_space_after_the_value_is_fine_and_a_layer_concatenated_with_itself_is_not()
    {
        var one = Collection(Feature(Ok, """{"persons":2,"year":2023}"""));
        using (var fine = Store(one + "\n\r\n\t "))
        {
            Assert.Single(FileStoreReader.Load(fine.Path, Plane).Dataset.Households);
        }

        using var twice = Store(one + one);
        Assert.Equal("geojson.trailing_data", OnlyProblem(twice).Code);
    }

    [Theory]
    [InlineData("\"EPSG:4326\"")]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}}""")]
    [InlineData("""{"type":"EPSG","properties":{"code":4326}}""")]
    [InlineData("""{"type":"name","properties":{"name":"EPSG:3857"},"note":"was 4326"}""")]
    [InlineData("42")]
    public void A_crs_member_other_than_a_named_lon_lat_crs_is_refused(string crs)
    {
        using var store = Store($$"""{"type":"FeatureCollection","crs":{{crs}},"features":[{{Feature(Ok, """{"persons":2,"year":2023}""")}}]}""");
        Assert.Equal("geojson.crs", OnlyProblem(store).Code);
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData("EPSG:4326")]
    [InlineData("urn:ogc:def:crs:EPSG::6668")]
    public void A_named_lon_lat_crs_is_read(string name)
    {
        var crs = "{\"type\":\"name\",\"properties\":{\"name\":\"" + name + "\"}}";
        using var store = Store($$"""{"type":"FeatureCollection","crs":{{crs}},"features":[{{Feature(Ok, """{"persons":2,"year":2023}""")}}]}""");
        Assert.Single(FileStoreReader.Load(store.Path, Plane).Dataset.Households);
    }

    [Theory]
    [InlineData("""{"geometry":GEOM,"properties":{"persons":2,"year":2023}}""", "no \"type\"")]
    [InlineData("""{"type":"Point","geometry":GEOM,"properties":{"persons":2,"year":2023}}""", "'Point'")]
    [InlineData("""{"type":7,"geometry":GEOM,"properties":{"persons":2,"year":2023}}""", "number")]
    public void A_feature_must_say_it_is_a_feature(string feature, string what)
    {
        using var store = Store(Collection(feature.Replace("GEOM", Ok, StringComparison.Ordinal)));
        var p = OnlyProblem(store);
        Assert.Equal(("geojson.feature", 0), (p.Code, p.FeatureIndex!.Value));
        Assert.Contains(what, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heights_on_every_vertex_are_dropped_on_read()
    {
        // The same square with z = 12.5 on every vertex: read as the 2D square (area 1 ha), never an overlay exception.
        using var store = new TempStore();
        var square = SquareGeometry(-27_000, -21_800, 100);
        var withZ = System.Text.RegularExpressions.Regex.Replace(square, @"\[(-?[0-9.]+),(-?[0-9.]+)\]", "[$1,$2,12.5]");
        Assert.Contains(",12.5]", withZ, StringComparison.Ordinal);
        store.Write("inducement_area.geojson", Collection(Feature(withZ, """{"name":"area"}""")));
        store.Write("zones.geojson", Collection(Feature(withZ, """{"id":"z","name":"Z","kind":"ward"}""")));
        var data = FileStoreReader.Load(store.Path, Plane).Dataset;
        Assert.Equal(1.0, Plane.AreaSquareMeters(data.InducementArea) / 10_000, 6);
        Assert.All(data.Zones.Single().Geometry.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
    }

    [Fact]
    public async Task A_device_and_a_fifo_are_refused_by_name_without_reading()
    {
        Assert.True(OperatingSystem.IsLinux(), "stat(2) file types are read on Linux, where the project runs");
        using var store = new TempStore();
        store.WriteMinimalArea();
        var layer = Path.Combine(store.Path, "households.geojson");
        File.CreateSymbolicLink(layer, "/dev/zero");
        Assert.Contains("character device", OnlyProblem(store).Message, StringComparison.Ordinal);
        File.Delete(layer);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", layer)!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var fifo = await Task.Run(() => OnlyProblem(store)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("FIFO", fifo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gz_that_is_not_gzip_or_expands_beyond_the_limit_is_refused()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        var layer = Path.Combine(store.Path, "households.geojson.gz");
        File.WriteAllText(layer, "not gzip at all");
        var notGzip = OnlyProblem(store);
        Assert.Contains("not gzip-compressed", notGzip.Message, StringComparison.Ordinal);

        // 64 MiB of blanks compress about 1000:1, far beyond the 250× limit.
        using (var gz = new GZipStream(File.Create(layer), CompressionLevel.SmallestSize))
        {
            var blanks = new byte[1 << 20];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                gz.Write(blanks);
            }
        }

        var bomb = OnlyProblem(store);
        Assert.Equal("layer.unreadable", bomb.Code);
        Assert.Contains("expands to more than", bomb.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_of_many_separate_parts_and_some_overlapping_ones_is_their_exact_union()
    {
        // 300 separate 20 m squares (40 m apart) and two 100 m squares overlapping by half: 300 × 0.04 ha + 1.5 ha.
        using var store = new TempStore();
        var features = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            features.Add(Feature(SquareGeometry(-27_000 + (i % 30 * 40), -21_800 + (i / 30 * 40), 20), $$"""{"name":"s{{i}}"}"""));
        }

        features.Add(Feature(SquareGeometry(-25_000, -21_800, 100), """{"name":"a"}"""));
        features.Add(Feature(SquareGeometry(-24_950, -21_800, 100), """{"name":"b"}"""));
        store.Write("inducement_area.geojson", Collection([.. features]));
        var area = FileStoreReader.Load(store.Path, Plane).Dataset.InducementArea;
        Assert.True(area.IsValid);
        Assert.Equal(301, area.NumGeometries);
        Assert.Equal((300 * 0.04) + 1.5, Plane.AreaSquareMeters(area) / 10_000, 3);
    }

    [Fact]
    public void A_duplicate_id_names_every_feature_that_uses_it_by_index_and_line()
    {
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("zones.geojson", Collection(
            Feature(SquareGeometry(-27_000, -21_800, 50), """{"id":"z1","name":"A","kind":"ward"}"""),
            Feature(SquareGeometry(-26_900, -21_800, 50), """{"id":"z2","name":"B","kind":"ward"}"""),
            Feature(SquareGeometry(-26_800, -21_800, 50), """{"id":"z1","name":"C","kind":"ward"}""")));
        var p = OnlyProblem(store);
        Assert.Equal(("feature.duplicate_id", 2, 4L), (p.Code, p.FeatureIndex!.Value, p.Line!.Value));
        Assert.Contains("id 'z1' is used by 2 features: 0 (line 2), 2 (line 4)", p.Message, StringComparison.Ordinal);
    }
}
