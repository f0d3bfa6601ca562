using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.FileStore;
using static Sousei.Geo.IO.Tests.FileStore.TempStore;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>
/// The shared rules of households, town blocks, buildings and zones on the value types each reader hands
/// over: GeoJSON (<see cref="JsonElement"/>), .dbf (double, decimal, int, long) and CSV (string).
/// </summary>
public class LayerAttributesTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);
    private static readonly Point At = LonLat.CreatePoint(new Coordinate(130.7, 32.8));
    private static readonly Polygon Square = LonLat.CreatePolygon([new(130.7, 32.8), new(130.701, 32.8), new(130.701, 32.801), new(130.7, 32.801), new(130.7, 32.8)]);

    private static (T Value, List<(string Code, string Message)> Problems) Read<T>(Func<Func<string, object?>, Action<string, string>, T> read, Dictionary<string, object?> properties)
    {
        var problems = new List<(string, string)>();
        var value = read(name => properties.GetValueOrDefault(name), (code, message) => problems.Add((code, message)));
        return (value, problems);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static TheoryData<object?> WholeThree => new() { 3, 3L, 3.0, 3.0f, 3m, "3", Json("3"), Json("3.0") };

    [Theory]
    [MemberData(nameof(WholeThree))]
    public void A_household_reads_persons_given_as_any_whole_number(object? persons)
    {
        var (household, problems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = persons, ["year"] = "2023" });

        Assert.Empty(problems);
        Assert.Equal(new Core.Model.Household(130.7, 32.8, 3, 2023), household);
    }

    [Theory]
    [InlineData("3.0", "attribute.persons", "property 'persons' must be an integer, found \"3.0\"")]
    [InlineData(" 3", "attribute.persons", "property 'persons' must be an integer, found \" 3\"")]
    [InlineData("abc", "attribute.persons", "property 'persons' must be an integer, found \"abc\"")]
    [InlineData("-1", "attribute.persons", "property 'persons' is -1; it must be a whole number from 0 to 100000 (persons of one household point)")]
    [InlineData(2.5, "attribute.persons", "property 'persons' must be an integer, found 2.5")]
    [InlineData(true, "attribute.persons", "property 'persons' must be an integer, found true")]
    [InlineData(3_000_000_000L, "attribute.persons", "property 'persons' is 3000000000; it must be a whole number from 0 to 100000 (persons of one household point)")]
    [InlineData(null, "attribute.persons", "property 'persons' is missing")]
    public void A_household_with_bad_persons_is_refused_with_the_reason(object? persons, string code, string message)
    {
        var (household, problems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = persons, ["year"] = 2023 });

        Assert.Null(household);
        Assert.Equal([(code, message)], problems);
    }

    [Fact]
    public void A_household_with_bad_persons_and_year_gets_both_problems()
    {
        var (household, problems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = -1L, ["year"] = 1799L });

        Assert.Null(household);
        Assert.Equal(
            [("attribute.persons", "property 'persons' is -1; it must be a whole number from 0 to 100000 (persons of one household point)"), ("attribute.year", "property 'year' is 1799; it must be a whole number from 1800 to 3000")],
            problems);
    }

    [Fact]
    public void A_town_block_takes_its_code_as_name_when_it_has_none_and_dbf_numbers_for_its_counts()
    {
        // A .dbf gives a numeric code as a number, and counts in a field with decimals as doubles.
        var (block, problems) = Read((get, problem) => TownBlockAttributes.Read(Square, get, problem), new() { ["code"] = 431010010L, ["persons"] = 120.0, ["year"] = 2020m });

        Assert.Empty(problems);
        Assert.NotNull(block);
        Assert.Equal(("431010010", "431010010", 120, 2020), (block.Code, block.Name, block.Persons, block.Year));
    }

    [Fact]
    public void A_town_block_reports_every_problem_not_just_the_missing_code()
    {
        var (block, problems) = Read((get, problem) => TownBlockAttributes.Read(Square, get, problem), new() { ["code"] = " ", ["persons"] = "many" });

        Assert.Null(block);
        Assert.Equal(
            [
                ("attribute.code", "property 'code' is missing"),
                ("attribute.persons", "property 'persons' must be an integer, found \"many\""),
                ("attribute.year", "property 'year' is missing"),
            ],
            problems);
    }

    [Theory]
    [InlineData(0.0, "property 'floors' is 0; it must be a whole number ≥ 1")]
    [InlineData(2.5, "property 'floors' must be an integer, found 2.5")]
    [InlineData("2F", "property 'floors' must be an integer, found \"2F\"")]
    [InlineData(null, "property 'floors' is missing")]
    public void A_building_needs_a_whole_number_of_floors_of_at_least_one(object? floors, string message)
    {
        var (building, problems) = Read((get, problem) => BuildingAttributes.Read("k1", Square, get, problem), new() { ["floors"] = floors });

        Assert.Null(building);
        Assert.Equal([("attribute.floors", message)], problems);
    }

    [Fact]
    public void A_building_without_use_has_an_empty_use_and_keeps_the_given_id()
    {
        var (building, problems) = Read((get, problem) => BuildingAttributes.Read("7", Square, get, problem), new() { ["floors"] = Json("2") });

        Assert.Empty(problems);
        Assert.Equal(("7", 2, ""), (building!.Id, building.Floors, building.Use));
    }

    [Fact]
    public void A_zone_needs_an_id_and_defaults_its_name_and_kind()
    {
        var (zone, problems) = Read((get, problem) => ZoneAttributes.Read(Square, get, problem), new() { ["id"] = "z1" });
        Assert.Empty(problems);
        Assert.Equal(("z1", "z1", "zone"), (zone!.Id, zone.Name, zone.Kind));

        var (none, missing) = Read((get, problem) => ZoneAttributes.Read(Square, get, problem), new() { ["name"] = "中央区" });
        Assert.Null(none);
        Assert.Equal([("attribute.id", "property 'id' is missing")], missing);
    }

    [Fact]
    public void The_fast_household_path_reports_exactly_what_the_shared_rules_report()
    {
        // Point features with scalar properties take the fast path; what it refuses is worded by HouseholdAttributes.
        var plane = PlaneProjection.Kumamoto;
        var (lon, lat) = plane.Unproject(-26_950, -21_750);
        string[] properties = ["{\"persons\":\"3.0\",\"year\":2023}", "{\"persons\":-1,\"year\":1799}", "{\"persons\":2.5,\"year\":2023}", "{\"persons\":true,\"year\":2023}", "{\"persons\":2}"];
        using var store = new TempStore();
        store.WriteMinimalArea();
        store.Write("households.geojson", Collection(properties.Select(p => Feature(PointGeometry(lon, lat), p)).ToArray()));

        var fromStore = Assert.Throws<DataException>(() => FileStoreReader.Load(store.Path, plane)).Problems;

        var expected = properties.SelectMany((p, i) =>
        {
            var values = JsonDocument.Parse(p).RootElement;
            var problems = new List<(string, int?, string)>();
            HouseholdAttributes.Read(At, name => values.TryGetProperty(name, out var v) ? v : null, (code, message) => problems.Add((code, i, message)));
            return problems;
        }).ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, fromStore.Select(p => (p.Code, p.FeatureIndex, p.Message)));
        Assert.All(fromStore, p => Assert.Equal(p.FeatureIndex + 2, p.Line));
    }

    [Fact]
    public void Age_groups_of_households_and_blocks_are_optional_and_bounded_by_persons()
    {
        var (household, problems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = 4, ["year"] = 2023, ["persons_0_14"] = "1", ["persons_65plus"] = 2.0 });
        Assert.Empty(problems);
        Assert.Equal(new Core.Model.Household(130.7, 32.8, 4, 2023, 1, 2), household);

        var (tooMany, tooManyProblems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = 2, ["year"] = 2023, ["persons_65plus"] = 3 });
        Assert.Null(tooMany);
        Assert.Equal([("attribute.persons_65plus", "property 'persons_65plus' is 3; it cannot exceed persons (2)")], tooManyProblems);

        var (sum, sumProblems) = Read((get, problem) => HouseholdAttributes.Read(At, get, problem), new() { ["persons"] = 3, ["year"] = 2023, ["persons_0_14"] = 2, ["persons_65plus"] = 2 });
        Assert.Null(sum);
        Assert.Contains("add up to more than persons (3)", Assert.Single(sumProblems).Message, StringComparison.Ordinal);

        var (block, blockProblems) = Read((get, problem) => TownBlockAttributes.Read(Square, get, problem), new() { ["code"] = "b", ["persons"] = 10, ["year"] = 2020, ["persons_65plus"] = -1 });
        Assert.Null(block);
        Assert.Equal("attribute.persons_65plus", Assert.Single(blockProblems).Code);
    }
}
