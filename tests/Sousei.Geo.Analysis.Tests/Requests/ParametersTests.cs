using Sousei.Geo.Analysis.Requests;

namespace Sousei.Geo.Analysis.Tests.Requests;

public sealed class ParametersTests
{
    private static Parameters Of(string name, string? value) => Parameters.From(new Dictionary<string, string?> { [name] = value });

    [Theory]
    [InlineData("07:00-09:00", 25200, 32400)]
    [InlineData("23:30-25:10", 84600, 90600)]
    public void A_window_is_read_in_seconds_with_gtfs_hours_past_24(string text, int start, int end)
    {
        var p = Of("window", text);
        Assert.Equal((start, end), p.Window("window"));
        Assert.Empty(p.Problems);
    }

    [Theory]
    [InlineData("9-7")]
    [InlineData("09:00-07:00")]
    [InlineData("07:60-08:00")]
    [InlineData("7:00")]
    public void A_bad_window_is_a_format_problem_of_window(string text)
    {
        var p = Of("window", text);
        Assert.Null(p.Window("window"));
        var problem = Assert.Single(p.Problems);
        Assert.Equal(("window", RequestProblem.Format), (problem.Parameter, problem.Code));
    }

    [Fact]
    public void A_list_with_an_empty_element_is_refused_and_duplicates_are_merged()
    {
        var bad = Of("percentiles", "10,,90");
        Assert.Null(bad.WholeList("percentiles", 1, 100));
        Assert.Equal(RequestProblem.Format, Assert.Single(bad.Problems).Code);
        var good = Of("percentiles", "90, 10,50,10");
        Assert.Equal([10, 50, 90], good.WholeList("percentiles", 1, 100));
    }

    [Theory]
    [InlineData("130,32,131", RequestProblem.Format)]
    [InlineData("131,32,130,33", RequestProblem.Range)]
    [InlineData("120,20,140,40", RequestProblem.Range)]
    [InlineData("130.7,32.8,1,130.71,32.81,0", RequestProblem.Range)]
    public void Bad_boxes_are_refused_with_the_reason(string text, string code)
    {
        var p = Of("bbox", text);
        Assert.Null(p.Bbox("bbox"));
        Assert.Equal(code, Assert.Single(p.Problems).Code);
    }

    [Fact]
    public void Every_problem_is_collected_and_thrown_together_naming_its_parameter()
    {
        var p = Parameters.From(new Dictionary<string, string?> { ["year"] = "20x", ["target"] = "1e400", ["date"] = "2026-02-30" });
        p.Whole("year");
        p.Number("target");
        p.Date("date");
        var e = Assert.Throws<RequestException>(p.ThrowIfAny);
        Assert.Equal(["year", "target", "date"], e.Problems.Select(x => x.Parameter));
        Assert.False(e.IsDataProblem);
    }

    [Fact]
    public void Echoes_are_cut_to_forty_characters_without_splitting_a_surrogate_pair()
    {
        var s = new string('a', 39) + "😀" + "tail";
        var cut = Parameters.Echo(s);
        Assert.Equal(new string('a', 39) + "…", cut);
    }

    [Fact]
    public void Cli_names_are_the_parameter_names_with_dashes()
    {
        Assert.Equal("--max-rides", ParameterSpec.CliName("max_rides"));
        Assert.True(new ParameterSpec("trend", null, "").IsSwitch);
    }
}
