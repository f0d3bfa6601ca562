using NetTopologySuite.Geometries;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.IO.Tests.FileStore;

/// <summary>The shared vacant-house rules on the value types each reader hands over (GeoJSON, .dbf, CSV).</summary>
public class VacantHouseAttributesTests
{
    private static readonly Point At = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(130.7, 32.8));

    private static (Core.Model.VacantHouse? House, List<(string Code, string Message)> Problems) Read(Dictionary<string, object?> properties)
    {
        var problems = new List<(string, string)>();
        var house = VacantHouseAttributes.Read(At, name => properties.GetValueOrDefault(name), (code, message) => problems.Add((code, message)));
        return (house, problems);
    }

    [Fact]
    public void Dbf_numbers_and_a_dbf_date_are_read_as_the_data_model_asks()
    {
        // A .dbf gives built_year as a double when its field has decimals, areas as decimal, dates as DateTime.
        var (house, problems) = Read(new()
        {
            ["id"] = "v1",
            ["built_year"] = 1980.0,
            ["floor_area_m2"] = 80.5m,
            ["land_area_m2"] = 120L,
            ["frontage_road_width_m"] = 4,
            ["survey_date"] = new DateTime(2024, 4, 1),
            ["status"] = "listed",
            ["vacancy_likelihood"] = "高",
            ["decay_rank"] = "low",
        });

        Assert.Empty(problems);
        Assert.NotNull(house);
        Assert.Equal((1980, 80.5, 120.0, 4.0), (house.BuiltYear, house.FloorAreaSquareMeters, house.LandAreaSquareMeters, house.FrontageRoadWidthMeters));
        Assert.Equal(("2024-04-01", "listed", "high", "low"), (house.SurveyDate, house.Status, house.VacancyLikelihood, house.DecayRank));
    }

    [Fact]
    public void Csv_strings_are_parsed_with_the_same_rules()
    {
        var (house, problems) = Read(new() { ["id"] = "v1", ["built_year"] = "1980", ["floor_area_m2"] = "80.5", ["survey_date"] = "2024-04-01" });

        Assert.Empty(problems);
        Assert.Equal((1980, 80.5, "2024-04-01"), (house!.BuiltYear, house.FloorAreaSquareMeters, house.SurveyDate));
    }

    [Theory]
    [InlineData("built_year", 1975.5, "must be an integer")]
    [InlineData("built_year", "1975.5", "must be an integer")]
    [InlineData("built_year", 0L, "from 1 to 3000")]
    [InlineData("built_year", 99999L, "from 1 to 3000")]
    [InlineData("floor_area_m2", -20.0, "≥ 0")]
    [InlineData("land_area_m2", "-1", "≥ 0")]
    [InlineData("frontage_road_width_m", "wide", "must be a number")]
    [InlineData("floor_area_m2", true, "must be a number")]
    [InlineData("survey_date", "2024/04/01", "YYYY-MM-DD")]
    [InlineData("status", "sold", "'sold'")]
    [InlineData("decay_rank", "bad", "低/中/高")]
    public void A_value_out_of_its_domain_is_one_problem_named_after_the_property(string name, object value, string mentioned)
    {
        var (house, problems) = Read(new() { ["id"] = "v1", [name] = value });

        var (code, message) = Assert.Single(problems);
        Assert.Equal("attribute." + name, code);
        Assert.Contains(mentioned, message, StringComparison.Ordinal);
        // The house is still returned, so that duplicate ids are found in the same pass.
        Assert.Equal("v1", house?.Id);
    }

    [Fact]
    public void A_house_without_id_is_a_problem_and_its_other_properties_are_still_checked()
    {
        var (house, problems) = Read(new() { ["status"] = "sold" });

        Assert.Null(house);
        Assert.Equal(["attribute.id", "attribute.status"], problems.Select(p => p.Code));
    }
}
