using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Parquet;
using Parquet.Schema;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.IO.GeoParquet;
using Sousei.Geo.IO.Layers;
using Sousei.Geo.IO.Tests.FileStore;

namespace Sousei.Geo.IO.Tests.GeoParquet;

/// <summary>
/// GeoParquet as a layer format (issue 12): what the writer writes reads back the same, a store reads a Parquet layer
/// exactly as its GeoJSON twin, and a bad file is a problem naming the file, the row group, the row and the column.
/// DuckDB, an independent reader and writer, checks the files from outside in the CLI tests (ConvertCommandTests).
/// </summary>
public sealed class GeoParquetTests : IDisposable
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Properties_of_every_kind_come_back_as_the_same_values()
    {
        var features = new List<IFeature>
        {
            new Feature(Factory.CreatePoint(new Coordinate(130.7, 32.8)), new AttributesTable { { "persons", 3L }, { "share", 0.25 }, { "name", "熊本城" }, { "vacant", true }, { "note", null } }),
            new Feature(Square(130.71, 32.81, 0.001), new AttributesTable { { "persons", 7L }, { "share", 1L }, { "name", "a \"quoted\" name" }, { "vacant", false }, { "note", "x" } }),
        };
        var path = Path.Combine(_store.Path, "layer.parquet");
        using (var stream = File.Create(path))
        {
            GeoParquetWriter.Write(stream, features);
        }

        var rows = GeoParquetReader.Read(path, new ProblemCollector());
        Assert.Equal(2, rows.Count);
        Assert.True(features[1].Geometry.EqualsExact(rows[1].Feature.Geometry));
        Assert.Equal(new Coordinate(130.7, 32.8), rows[0].Feature.Geometry.Coordinate);
        Assert.Equal(3L, rows[0].Feature.Attributes["persons"]);
        Assert.Equal(1.0, rows[1].Feature.Attributes["share"]); // a column of 0.25 and 1 is DOUBLE
        Assert.Equal("熊本城", rows[0].Feature.Attributes["name"]);
        Assert.Equal(true, rows[0].Feature.Attributes["vacant"]);
        Assert.Null(rows[0].Feature.Attributes["note"]);
        Assert.Equal("x", rows[1].Feature.Attributes["note"]);
    }

    [Fact]
    public void A_households_layer_converted_to_parquet_reads_as_the_same_households_with_the_same_problems()
    {
        // 2,000 households in two row groups' worth of rows... and three bad ones: persons -1 (row 10), year 1700 (row
        // 1500) and a point 900 km away (row 1999).
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < 2000; i++)
        {
            var persons = i == 10 ? -1 : (i % 4) + 1;
            var year = i == 1500 ? 1700 : 2023;
            var lon = i == 1999 ? 140.0 : 130.70 + (i * 1e-5);
            text.Append(i > 0 ? ",\n" : "").Append(TempStore.Feature(TempStore.PointGeometry(lon, 32.8), $"{{\"persons\":{persons},\"year\":{year},\"persons_65plus\":{i % 2}}}"));
        }

        text.Append("\n]}\n");
        _store.Write("households.geojson", text.ToString());
        var geojson = Path.Combine(_store.Path, "households.geojson");
        var parquet = Path.Combine(_store.Path, "converted.parquet");
        var result = LayerConverter.Convert(geojson, parquet, LayerConverter.Format.GeoParquet);
        Assert.Equal(2000, result.Features);

        var fromJson = new ProblemCollector();
        var expected = HouseholdLayerReader.Read(geojson, fromJson, Checks());
        var fromParquet = new ProblemCollector();
        var actual = HouseholdLayerReader.Read(parquet, fromParquet, Checks());
        var general = new ProblemCollector();
        var generalHouseholds = FileStoreReader.ReadHouseholdsGeneral(parquet, general, Checks());
        Assert.Equal(1997, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(expected, generalHouseholds);
        Assert.Equal(fromJson.Problems.Select(p => (p.Code, p.FeatureIndex, p.Message)), fromParquet.Problems.Select(p => (p.Code, p.FeatureIndex, p.Message)));
        Assert.Equal(general.Problems, fromParquet.Problems);
        Assert.Equal([10, 1500, 1999], fromParquet.Problems.Select(p => p.FeatureIndex!.Value));
        Assert.All(fromParquet.Problems, p => Assert.Equal($"row group 0, row {p.FeatureIndex}", p.Place));
        Assert.Contains("converted.parquet: row group 0, row 10: feature 10: property 'persons'", fromParquet.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_named_as_such()
    {
        var problem = Single("households.parquet", File.WriteAllText, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Assert.Equal("parquet.not_parquet", problem.Code);
        Assert.Contains("PAR1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_parquet_without_the_geo_key_is_refused_with_how_to_write_geoparquet()
    {
        var path = WriteRaw([new DataField<byte[]>("geometry", true), new DataField<int>("persons")], null, [Wkb(130.7, 32.8)], new[] { 1 });
        var problem = Assert.Single(Problems(path));
        Assert.Equal("parquet.no_geo", problem.Code);
        Assert.Contains("sousei convert", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\":\"1.1.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"geometry_types\":[],\"crs\":{\"id\":{\"authority\":\"EPSG\",\"code\":6670}}}}}", "EPSG:6670")]
    [InlineData("{\"version\":\"1.1.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"point\",\"geometry_types\":[]}}}", "encoded as 'point'")]
    [InlineData("{\"version\":\"1.1.0\",\"primary_column\":\"geom\",\"columns\":{\"geom\":{\"encoding\":\"WKB\",\"geometry_types\":[]}}}", "'geom', which the file does not have")]
    [InlineData("{\"primary_column\":\"geometry\"}", "no version")]
    [InlineData("not json", "not valid JSON")]
    public void Geo_metadata_that_cannot_be_used_is_named(string geo, string expected)
    {
        var path = WriteRaw([new DataField<byte[]>("geometry", true), new DataField<int>("persons")], geo, [Wkb(130.7, 32.8)], new[] { 1 });
        var problem = Assert.Single(Problems(path));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Equal("households.parquet", problem.File);
    }

    [Fact]
    public void A_crs_given_as_projjson_of_jgd2011_geographic_is_longitude_latitude()
    {
        const string Geo = "{\"version\":\"1.0.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"geometry_types\":[\"Point\"],\"crs\":{\"name\":\"JGD2011\",\"id\":{\"authority\":\"EPSG\",\"code\":6668}}}}}";
        var path = WriteRaw([new DataField<byte[]>("geometry", true), new DataField<int>("persons"), new DataField<int>("year")], Geo, [Wkb(130.7, 32.8)], new[] { 2 }, new[] { 2023 });
        var problems = new ProblemCollector();
        Assert.Equal(2, Assert.Single(HouseholdLayerReader.Read(path, problems, Checks())).Persons);
        Assert.Empty(problems.Problems);
    }

    [Fact]
    public void Wkb_that_does_not_parse_and_a_null_geometry_are_named_by_row_group_row_and_column()
    {
        var path = WriteRaw([new DataField<byte[]>("geometry", true), new DataField<int>("persons"), new DataField<int>("year")], GeoJsonPoint, [Wkb(130.7, 32.8), [1, 2, 3], null], new[] { 1, 2, 3 }, new[] { 2023, 2023, 2023 });
        var problems = Problems(path);
        Assert.Equal(["geometry.wkb", "geometry.missing"], problems.Select(p => p.Code));
        Assert.Equal(["row group 0, row 1", "row group 0, row 2"], problems.Select(p => p.Place));
        Assert.Contains("column 'geometry'", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_column_of_text_is_read_by_the_rules_and_its_bad_values_named()
    {
        // Text columns take the general path: "3" is 3 persons, "x" is a problem of row 1.
        var path = WriteRaw([new DataField<byte[]>("geometry", true), new DataField<string>("persons", true), new DataField<int>("year")], GeoJsonPoint, [Wkb(130.7, 32.8), Wkb(130.71, 32.8)], new string?[] { "3", "x" }, new[] { 2023, 2023 });
        var problems = new ProblemCollector();
        var households = HouseholdLayerReader.Read(path, problems, Checks());
        Assert.Equal(3, Assert.Single(households).Persons);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal(("attribute.persons", "row group 0, row 1"), (problem.Code, problem.Place));
    }

    [Fact]
    public async Task A_nested_column_is_refused_by_name()
    {
        var path = Path.Combine(_store.Path, "households.parquet");
        var schema = new ParquetSchema(new DataField<byte[]>("geometry", true), new ListField("tags", new DataField<string>("element", true)));
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            writer.CustomMetadata = new Dictionary<string, string> { ["geo"] = GeoJsonPoint };
        }

        var problem = Assert.Single(Problems(path));
        Assert.Equal("parquet.nested_column", problem.Code);
        Assert.Contains("'tags'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_holding_a_layer_twice_is_refused()
    {
        _store.WriteMinimalArea();
        _store.Write("households.geojson", TempStore.Collection());
        File.WriteAllBytes(Path.Combine(_store.Path, "households.parquet"), [1]);
        var e = Assert.Throws<DataException>(() => FileStoreReader.Load(_store.Path, PlaneProjection.Kumamoto));
        Assert.Contains(e.Problems, p => p.Code == "layer.ambiguous" && p.Message.Contains("households.geojson, households.parquet", StringComparison.Ordinal));
    }

    private const string GeoJsonPoint = "{\"version\":\"1.1.0\",\"primary_column\":\"geometry\",\"columns\":{\"geometry\":{\"encoding\":\"WKB\",\"geometry_types\":[\"Point\"]}}}";

    private static GeometryChecks Checks() => new(PlaneProjection.Kumamoto, false);

    private static byte[] Wkb(double x, double y) => new NetTopologySuite.IO.WKBWriter().Write(Factory.CreatePoint(new Coordinate(x, y)));

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    private DataProblem Single(string name, Action<string, string> write, string content)
    {
        var path = Path.Combine(_store.Path, name);
        write(path, content);
        return Assert.Single(Problems(path));
    }

    private static List<DataProblem> Problems(string path)
    {
        var problems = new ProblemCollector();
        HouseholdLayerReader.Read(path, problems, Checks());
        return [.. problems.Problems];
    }

    /// <summary>A Parquet file written with Parquet.Net directly (not our writer): geometry, then the other columns' values.</summary>
    private string WriteRaw(DataField[] fields, string? geo, byte[]?[] geometry, params Array[] columns)
    {
        var path = Path.Combine(_store.Path, "households.parquet");
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        if (geo is not null)
        {
            writer.CustomMetadata = new Dictionary<string, string> { ["geo"] = geo };
        }

        using (var group = writer.CreateRowGroup())
        {
            group.WriteAsync(fields[0], geometry).GetAwaiter().GetResult();
            for (var c = 0; c < columns.Length; c++)
            {
                switch (columns[c])
                {
                    case int[] ints:
                        group.WriteAsync<int>(fields[c + 1], ints).GetAwaiter().GetResult();
                        break;
                    case string?[] texts:
                        group.WriteAsync(fields[c + 1], texts).GetAwaiter().GetResult();
                        break;
                }
            }
        }

        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return path;
    }
}
