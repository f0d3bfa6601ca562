using System.Text;
using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.Scenarios;

namespace Sousei.Geo.IO.Tests.Scenarios;

public sealed class ScenarioReaderTests
{
    private const string Shuttle = """
        { "name": "川尻シャトル", "description": "a shuttle",
          "modifications": [
            { "type": "add_line", "id": "shuttle", "name": "川尻シャトル", "mode": "rail",
              "stops": [ {"name": "川尻", "lon": 130.67982, "lat": 32.74456}, {"stop_id": "toshibus:100"} ],
              "minutes_between_stops": [7], "dwell_minutes": 0, "bidirectional": true, "days": "weekdays",
              "service": [ {"from": "06:30", "to": "09:30", "headway_minutes": 10} ] },
            { "type": "remove_routes", "routes": ["kumamotoshiden:2"] },
            { "type": "adjust_headway", "id": "trunk", "routes": ["toshibus:1"], "from": "07:00", "to": "09:00", "headway_minutes": 10 },
            { "type": "adjust_speed", "routes": ["toshibus:1"], "factor": 1.25 } ] }
        """;

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sousei.Geo.sln not found above " + source);
    }

    private static (TransitScenario? Scenario, IReadOnlyList<DataProblem> Problems) Read(string json)
    {
        var problems = new ProblemCollector();
        var scenario = ScenarioReader.Read(Encoding.UTF8.GetBytes(json), "s.json", problems);
        return (scenario, problems.Problems);
    }

    [Fact]
    public void The_documented_example_reads_every_modification()
    {
        var (scenario, problems) = Read(Shuttle);
        Assert.Empty(problems);
        Assert.Equal("川尻シャトル", scenario!.Name);
        var line = Assert.IsType<AddLine>(scenario.Modifications[0]);
        Assert.Equal((LineMode.Rail, true, 2, 6 * 3600 + 1800, 9 * 3600 + 1800, 10.0), (line.Mode, line.Bidirectional, line.Stops.Count, line.Service[0].FromSeconds, line.Service[0].ToSeconds, line.Service[0].HeadwayMinutes));
        Assert.Equal(ScenarioDays.Weekdays, line.Days);
        Assert.Equal("toshibus:100", line.Stops[1].StopId);
        Assert.Equal("m2", scenario.Modifications[1].Id); // unnamed: m + its position
        Assert.Equal((7 * 3600, 9 * 3600, 10.0), (((AdjustHeadway)scenario.Modifications[2]).FromSeconds, ((AdjustHeadway)scenario.Modifications[2]).ToSeconds, ((AdjustHeadway)scenario.Modifications[2]).HeadwayMinutes));
        Assert.Equal(1.25, ((AdjustSpeed)scenario.Modifications[3]).Factor);
    }

    [Fact]
    public void The_documented_example_in_docs_scenarios_md_validates_against_the_published_schema_and_reads()
    {
        // The schema and the reader agree on the documented example (the schema cannot check references to the feeds).
        var root = Root();
        var schema = ScenarioSchema.Published;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "scenarios.md"));
        var start = doc.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        bool Valid(string json)
        {
            using var d = System.Text.Json.JsonDocument.Parse(json);
            return schema.Evaluate(d.RootElement).IsValid;
        }

        Assert.True(Valid(example));
        Assert.True(Valid(Shuttle));
        Assert.False(Valid(Shuttle.Replace("\"mode\": \"rail\"", "\"mode\": \"ferry\"", StringComparison.Ordinal)));
        var (scenario, problems) = Read(example);
        Assert.Empty(problems);
        Assert.Equal(4, scenario!.Modifications.Count);
    }

    [Theory]
    [InlineData("\"minutes_between_stops\": [7]", "\"minutes_between_stops\": [7, 3]", "minutes_between_stops: has 2 entries; 2 stops need 1")]
    [InlineData("\"headway_minutes\": 10} ]", "\"headway_minutes\": 0} ]", "service.headway_minutes")]
    [InlineData("\"to\": \"09:30\"", "\"to\": \"06:00\"", "service.to: the window ends")]
    [InlineData("\"from\": \"06:30\"", "\"from\": \"49:00\"", "service.from: '49:00' must be a time HH:MM from 00:00 to 48:00")]
    [InlineData("\"mode\": \"rail\"", "\"mode\": \"ferry\"", "mode: 'ferry' is not rail, tram or bus")]
    [InlineData("\"stop_id\": \"toshibus:100\"", "\"stop_id\": \"100\"", "stops[1].stop_id: '100' must be FEED:STOP_ID")]
    [InlineData("\"factor\": 1.25", "\"factor\": -1", "factor: -1 must be a number")]
    [InlineData("\"type\": \"remove_routes\"", "\"type\": \"remove_stops\"", "type: 'remove_stops' is not one of")]
    [InlineData("\"days\": \"weekdays\"", "\"days\": \"mondays\"", "days: must be all, weekdays, weekends")]
    [InlineData("\"dwell_minutes\": 0", "\"dwel_minutes\": 0", "dwel_minutes: unknown member of add_line")]
    public void A_bad_field_is_a_problem_naming_the_modification_and_the_field_and_nothing_is_returned(string from, string to, string expected)
    {
        var (scenario, problems) = Read(Shuttle.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(scenario);
        var problem = Assert.Single(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.NotNull(problem.FeatureIndex);
        Assert.StartsWith("s.json: feature ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var bad = Shuttle.Replace("\"factor\": 1.25", "\"factor\": 0", StringComparison.Ordinal).Replace("\"mode\": \"rail\"", "\"mode\": \"boat\"", StringComparison.Ordinal);
        var (_, problems) = Read(bad);
        Assert.Equal([0, 3], problems.Select(p => p.FeatureIndex!.Value).Order());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "a scenario is a JSON object")]
    [InlineData("{\"name\": \"x\", \"modifications\": []}", "modifications: required")]
    [InlineData("{\"modifications\": [{\"type\": \"adjust_speed\", \"routes\": [\"a:1\"], \"factor\": 2}]}", "name: required")]
    public void A_file_that_is_no_scenario_says_so(string json, string expected)
    {
        var (scenario, problems) = Read(json);
        Assert.Null(scenario);
        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
