using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Json.Schema;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using static Sousei.Geo.IO.Tests.FileStore.TempStore;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>
/// The published JSON Schemas of the file-store layers (docs/schema/*.schema.json) against the demo store,
/// the code's enum lists, and the file-store reader: every case below is accepted or refused by both alike.
/// </summary>
public class SchemaTests
{
    private static readonly PlaneProjection Plane = PlaneProjection.Kumamoto;
    private static readonly (double Lon, double Lat) Inside = Plane.Unproject(-26_950, -21_750);
    private static readonly string At = PointGeometry(Inside.Lon, Inside.Lat);
    private static readonly string Square = SquareGeometry(-26_990, -21_790, 50);
    private static readonly string Swapped = PointGeometry(Inside.Lat, Inside.Lon);
    private static readonly string PlaneMetres = PointGeometry(-26_950, -21_750);
    private static readonly string Line = string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"LineString\",\"coordinates\":[[{Inside.Lon},{Inside.Lat}],[{Inside.Lon + 0.001},{Inside.Lat}]]}}");

    /// <summary>Sampling keeps the large layers (households: ~660,000 points) under a few seconds: every n-th feature, up to this many.</summary>
    private const int SampleFeatures = 3_000;

    public static readonly string[] Layers = ["households", "town_blocks", "buildings", "inducement_area", "zones", "hubs", "vacant_houses"];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() => Layers.ToDictionary(l => l, l => JsonSchema.FromText(File.ReadAllText(SchemaPath(l)))));

    public static TheoryData<string> LayerNames => new(Layers);

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Every_layer_of_the_demo_store_validates_against_its_schema(string layer)
    {
        var path = LayerFiles.Find(Path.Combine(RepositoryRoot(), "geodata", "kumamoto"), layer);
        Assert.True(path is not null, $"geodata/kumamoto has no {layer} layer");
        using var document = JsonDocument.Parse(Gunzipped(path));
        var features = document.RootElement.GetProperty("features");
        var count = features.GetArrayLength();
        Assert.True(count > 0, $"{layer} has no features");
        var step = Math.Max(1, count / SampleFeatures);
        var sample = features.EnumerateArray().Where((_, i) => i % step == 0).Select(f => f.GetRawText());

        var errors = Errors(layer, Collection([.. sample]));

        Assert.True(errors.Count == 0, $"{layer}: {string.Join("\n", errors.Take(10))}");
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Every_schema_is_a_valid_draft_2020_12_schema(string layer)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath(layer)));

        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, layer);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void The_status_enum_of_vacant_houses_is_the_code_s_list()
    {
        Assert.Equal(VacantHouseFilter.Statuses, Enum("vacant_houses", "status"));
    }

    [Fact]
    public void The_rank_enum_of_vacant_houses_is_what_the_reader_accepts_and_normalises_to_low_medium_high()
    {
        var ranks = Enum("vacant_houses", "rank");
        var normalised = new HashSet<string?>();
        foreach (var rank in ranks)
        {
            var problems = new List<string>();
            var house = VacantHouseAttributes.Read(new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(Inside.Lon, Inside.Lat)),
                name => name switch { "id" => "h", "decay_rank" => rank, _ => null }, (code, message) => problems.Add(message));
            Assert.Empty(problems);
            normalised.Add(house!.DecayRank);
        }

        Assert.Equal(["high", "low", "medium"], normalised.Order(StringComparer.Ordinal));
        Assert.Equal(6, ranks.Count);
    }

    [Fact]
    public void The_hub_kind_enum_is_what_the_reader_accepts()
    {
        var kinds = Enum("hubs", "hubKind");
        var location = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(Inside.Lon, Inside.Lat));
        bool Accepted(string kind) => HubAttributes.Read(location, name => name switch { "id" => "h", "kind" => kind, _ => null }, (_, _) => { }) is not null;

        Assert.Equal(["central", "regional"], kinds);
        Assert.All(kinds, k => Assert.True(Accepted(k), k));
        // Near misses the reader refuses, so the enum is not a subset of a wider list.
        Assert.All(new[] { "Central", "local", "hub", "zone", "" }, k => Assert.False(Accepted(k), k));
    }

    /// <summary>Name → (layer, whole layer file, accepted). Both the schema and <see cref="FileStoreReader"/> must agree with the expectation.</summary>
    private static readonly Dictionary<string, (string Layer, string Json, bool Valid)> Cases = new()
    {
        ["households: good"] = ("households", One(At, "{\"persons\":3,\"year\":2023}"), true),
        ["households: persons -1"] = ("households", One(At, "{\"persons\":-1,\"year\":2023}"), false),
        ["households: persons 2.5"] = ("households", One(At, "{\"persons\":2.5,\"year\":2023}"), false),
        // The reader takes a string of digits as an integer (shared with CSV and .dbf), so the schema does too.
        ["households: persons \"3\""] = ("households", One(At, "{\"persons\":\"3\",\"year\":2023}"), true),
        ["households: persons \"3.0\""] = ("households", One(At, "{\"persons\":\"3.0\",\"year\":2023}"), false),
        ["households: persons \"-1\""] = ("households", One(At, "{\"persons\":\"-1\",\"year\":2023}"), false),
        ["households: persons 3.0"] = ("households", One(At, "{\"persons\":3.0,\"year\":2023}"), true),
        ["households: persons null"] = ("households", One(At, "{\"persons\":null,\"year\":2023}"), false),
        ["households: missing year"] = ("households", One(At, "{\"persons\":3}"), false),
        ["households: year 1799"] = ("households", One(At, "{\"persons\":3,\"year\":1799}"), false),
        ["households: polygon"] = ("households", One(Square, "{\"persons\":3,\"year\":2023}"), false),
        ["households: plane metres"] = ("households", One(PlaneMetres, "{\"persons\":3,\"year\":2023}"), false),
        ["households: swapped axes"] = ("households", One(Swapped, "{\"persons\":3,\"year\":2023}"), false),
        ["households: null geometry"] = ("households", One("null", "{\"persons\":3,\"year\":2023}"), false),
        ["town_blocks: good"] = ("town_blocks", One(Square, "{\"code\":\"431010001\",\"name\":\"刈草1丁目\",\"persons\":151,\"year\":2015}"), true),
        ["town_blocks: year \"2015\""] = ("town_blocks", One(Square, "{\"code\":\"431010001\",\"persons\":151,\"year\":\"2015\"}"), true),
        ["town_blocks: point"] = ("town_blocks", One(At, "{\"code\":\"431010001\",\"persons\":151,\"year\":2015}"), false),
        ["town_blocks: missing code"] = ("town_blocks", One(Square, "{\"name\":\"刈草1丁目\",\"persons\":151,\"year\":2015}"), false),
        ["town_blocks: blank code"] = ("town_blocks", One(Square, "{\"code\":\"  \",\"persons\":151,\"year\":2015}"), false),
        ["town_blocks: persons -1"] = ("town_blocks", One(Square, "{\"code\":\"431010001\",\"persons\":-1,\"year\":2015}"), false),
        ["buildings: good"] = ("buildings", One(Square, "{\"floors\":2,\"use\":\"residential\"}"), true),
        ["buildings: no use"] = ("buildings", One(Square, "{\"floors\":1}"), true),
        ["buildings: floors 0"] = ("buildings", One(Square, "{\"floors\":0,\"use\":\"residential\"}"), false),
        ["buildings: floors \"0\""] = ("buildings", One(Square, "{\"floors\":\"0\",\"use\":\"residential\"}"), false),
        ["buildings: missing floors"] = ("buildings", One(Square, "{\"use\":\"residential\"}"), false),
        ["buildings: point"] = ("buildings", One(At, "{\"floors\":2}"), false),
        ["inducement_area: good"] = ("inducement_area", One(Square, "{\"name\":\"居住誘導区域\"}"), true),
        ["inducement_area: point"] = ("inducement_area", One(At, "{\"name\":\"居住誘導区域\"}"), false),
        ["inducement_area: no features"] = ("inducement_area", Collection(), false),
        ["zones: good"] = ("zones", One(Square, "{\"id\":\"43101\",\"name\":\"中央区\",\"kind\":\"ward\"}"), true),
        ["zones: id only"] = ("zones", One(Square, "{\"id\":\"43101\"}"), true),
        ["zones: missing id"] = ("zones", One(Square, "{\"name\":\"中央区\",\"kind\":\"ward\"}"), false),
        ["zones: point"] = ("zones", One(At, "{\"id\":\"43101\"}"), false),
        ["hubs: good"] = ("hubs", One(At, "{\"id\":\"central\",\"name\":\"中心市街地\",\"kind\":\"central\"}"), true),
        ["hubs: central and regional"] = ("hubs", Collection(Feature(At, "{\"id\":\"c\",\"kind\":\"central\"}"), Feature(At, "{\"id\":\"r\",\"kind\":\"regional\"}")), true),
        ["hubs: two central"] = ("hubs", Collection(Feature(At, "{\"id\":\"c1\",\"kind\":\"central\"}"), Feature(At, "{\"id\":\"c2\",\"kind\":\"central\"}")), false),
        ["hubs: unknown kind"] = ("hubs", One(At, "{\"id\":\"x\",\"kind\":\"local\"}"), false),
        ["hubs: missing kind"] = ("hubs", One(At, "{\"id\":\"x\"}"), false),
        ["hubs: polygon"] = ("hubs", One(Square, "{\"id\":\"x\",\"kind\":\"regional\"}"), false),
        ["vacant_houses: good"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"vacancy_likelihood\":\"high\",\"decay_rank\":\"medium\",\"built_year\":1952,\"structure\":\"wood\",\"floor_area_m2\":106.4,\"land_area_m2\":267,\"frontage_road_width_m\":3.8,\"survey_date\":\"2023-06-16\",\"status\":\"vacant\",\"owner_name\":\"所有者\",\"owner_contact\":\"o@example.invalid\"}"), true),
        ["vacant_houses: id only"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\"}"), true),
        ["vacant_houses: footprint"] = ("vacant_houses", One(Square, "{\"id\":\"VH-1\",\"status\":\"listed\"}"), true),
        ["vacant_houses: blank status and date"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"status\":\"\",\"survey_date\":\"\",\"decay_rank\":null}"), true),
        ["vacant_houses: Japanese rank"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"decay_rank\":\"中\",\"vacancy_likelihood\":\"高\"}"), true),
        ["vacant_houses: numeric string area"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"floor_area_m2\":\"106.4\"}"), true),
        ["vacant_houses: 29 February of a leap year"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"survey_date\":\"2024-02-29\"}"), true),
        ["vacant_houses: unknown status"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"status\":\"abandoned\"}"), false),
        ["vacant_houses: survey_date with slashes"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"survey_date\":\"2023/06/16\"}"), false),
        ["vacant_houses: 30 February"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"survey_date\":\"2023-02-30\"}"), false),
        ["vacant_houses: 29 February of 2023"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"survey_date\":\"2023-02-29\"}"), false),
        ["vacant_houses: unknown rank"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"vacancy_likelihood\":\"very high\"}"), false),
        ["vacant_houses: negative floor area"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"floor_area_m2\":-1}"), false),
        ["vacant_houses: built_year 0"] = ("vacant_houses", One(At, "{\"id\":\"VH-1\",\"built_year\":0}"), false),
        ["vacant_houses: missing id"] = ("vacant_houses", One(At, "{\"status\":\"vacant\"}"), false),
        ["vacant_houses: line"] = ("vacant_houses", One(Line, "{\"id\":\"VH-1\"}"), false),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_schema_and_the_file_store_reader_agree(string name)
    {
        var (layer, json, valid) = Cases[name];

        var schemaErrors = Errors(layer, json);
        var readerProblems = ReaderProblems(layer, json);

        Assert.True(valid == (readerProblems.Count == 0), $"reader: expected {(valid ? "accepted" : "refused")}; problems: {string.Join("; ", readerProblems)}");
        Assert.True(valid == (schemaErrors.Count == 0), $"schema: expected {(valid ? "valid" : "invalid")}; errors: {string.Join("; ", schemaErrors)}");
    }

    private static string One(string geometry, string properties) => Collection(Feature(geometry, properties));

    private static List<string> Errors(string layer, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schemas.Value[layer].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? []
            : [.. (result.Details ?? []).Prepend(result).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    private static List<string> ReaderProblems(string layer, string json)
    {
        using var store = new TempStore();
        if (layer != "inducement_area")
        {
            store.WriteMinimalArea();
        }

        store.Write(layer + ".geojson", json);
        try
        {
            FileStoreReader.Load(store.Path, Plane);
            return [];
        }
        catch (DataException e)
        {
            return [.. e.Problems.Select(p => $"{p.Code}: {p.Message}")];
        }
    }

    private static List<string> Enum(string layer, string definition)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath(layer)));
        return [.. document.RootElement.GetProperty("$defs").GetProperty(definition).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string Gunzipped(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string SchemaPath(string layer) => Path.Combine(RepositoryRoot(), "docs", "schema", layer + ".schema.json");

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Sousei.Geo.sln not found above " + source);
    }
}
