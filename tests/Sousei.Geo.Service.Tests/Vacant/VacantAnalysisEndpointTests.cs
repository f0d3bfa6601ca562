using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sousei.Geo.Cli;
using Sousei.Geo.Service.Tests.Fixtures;
using Sousei.Geo.Service.Vacant;

namespace Sousei.Geo.Service.Tests.Vacant;

public sealed class VacantAnalysisEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("/api/vacant/ranking", new[] { "vacant", "rank", "--format", "json" })]
    [InlineData("/api/vacant/ranking?format=geojson&top=2", new[] { "vacant", "rank", "--format", "geojson", "--top", "2" })]
    [InlineData("/api/vacant/ranking?weights=inside=0,decay=40&filter=decay_rank=low|medium", new[] { "vacant", "rank", "--format", "json", "--weights", "inside=0,decay=40", "--filter", "decay_rank=low|medium" })]
    [InlineData("/api/vacant/whatif?occupy_top=2", new[] { "whatif", "--format", "json", "--occupy-top", "2" })]
    [InlineData("/api/vacant/whatif?occupy_filter=inside=true&persons_per_household=2.5", new[] { "whatif", "--format", "json", "--occupy-filter", "inside=true", "--persons-per-household", "2.5" })]
    [InlineData("/api/vacant/whatif?occupy_top=3&method=blocks&year=2020", new[] { "whatif", "--format", "json", "--occupy-top", "3", "--method", "blocks", "--year", "2020" })]
    [InlineData("/api/trend?method=blocks", new[] { "trend", "--format", "json", "--method", "blocks" })]
    [InlineData("/api/trend", new[] { "trend", "--format", "json" })]
    public async Task Answers_match_the_command_line_and_hold_no_owner_fields(string url, string[] cliArgs)
    {
        var body = await factory.CreateClient().GetStringAsync(url);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run([.. cliArgs, "--data", factory.DataPath], new CliConsole(output, error, false));
        Assert.True(code == 0, error.ToString());
        var api = JsonNode.Parse(body)!;
        var cli = JsonNode.Parse(output.ToString())!;
        Assert.True(JsonNode.DeepEquals(cli, api), $"CLI:\n{cli.ToJsonString()}\nAPI:\n{api.ToJsonString()}");
        Assert.DoesNotContain("owner", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureStore.OwnerName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureStore.OwnerContact, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_reports_before_after_and_the_target_answer()
    {
        var json = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/vacant/whatif?occupy_top=2&persons_per_household=2"))!;
        foreach (var key in new[] { "occupied", "persons_added_inside", "density_before", "density_after", "gap_persons_before", "gap_persons_after", "zones", "target_reach" })
        {
            Assert.True(json.AsObject().ContainsKey(key), key);
        }

        // 30 persons on 100 ha: gap 6,040 before; each occupied house inside adds 2 persons.
        Assert.Equal(6040, (long?)json["gap_persons_before"]);
        var added = (double)json["persons_added_inside"]!;
        Assert.Equal(6040 - (long)Math.Floor(added), (long?)json["gap_persons_after"]);
    }

    [Fact]
    public async Task What_if_of_explicit_ids_counts_only_houses_inside()
    {
        // The viewer sends houses clicked on the map as occupy_ids. V2 is inside (east), V3 outside: 30 persons on
        // 100 ha plus 2 → 32 persons, 0.32 /ha, gap ⌈6,070 − 32⌉ = 6,038; zone east gains 2 persons, west nothing.
        var json = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/vacant/whatif?occupy_ids=V2,V3&persons_per_household=2"))!;
        Assert.Equal(["V2", "V3"], json["occupied"]!.AsArray().Select(o => (string)o!["id"]!));
        Assert.Equal([true, false], json["occupied"]!.AsArray().Select(o => (bool)o!["inside_inducement_area"]!));
        Assert.Equal(2, (double)json["persons_added_inside"]!, 9);
        Assert.Equal(0.32, (double)json["density_after"]!, 9);
        Assert.Equal(6038, (long?)json["gap_persons_after"]);
        var zones = json["zones"]!.AsArray().ToDictionary(z => (string)z!["id"]!, z => (double)z!["persons_added"]!);
        Assert.Equal(2, zones["east"], 9);
        Assert.Equal(0, zones["west"], 9);
    }

    [Theory]
    [InlineData("/api/vacant/whatif?occupy_ids=V5", "occupy_ids")]
    [InlineData("/api/vacant/whatif?occupy_ids=V2,V2", "occupy_ids")]
    [InlineData("/api/vacant/ranking?format=pdf", "format")]
    [InlineData("/api/vacant/ranking?filter=colour=red", "filter")]
    [InlineData("/api/vacant/ranking?weights=colour=1", "weights")]
    [InlineData("/api/vacant/ranking?top=0", "top")]
    [InlineData("/api/vacant/whatif", "occupy_top")]
    [InlineData("/api/vacant/whatif?occupy_top=2&occupy_ids=V1", "occupy_top")]
    [InlineData("/api/vacant/whatif?occupy_ids=V1,nope", "occupy_ids")]
    [InlineData("/api/vacant/whatif?occupy_filter=inside=maybe", "occupy_filter")]
    [InlineData("/api/vacant/whatif?occupy_top=2&persons_per_household=0", "persons_per_household")]
    [InlineData("/api/vacant/whatif?occupy_top=2&persons_per_household=-1", "persons_per_household")]
    [InlineData("/api/vacant/whatif?occupy_top=2&year=1999", "year")]
    [InlineData("/api/vacant/whatif?occupy_filter=max_minutes_to_central=20", "occupy_filter")]
    [InlineData("/api/trend?method=blocks&from=1999", "from")]
    [InlineData("/api/trend?horizon=1900", "horizon")]
    [InlineData("/api/trend?colour=red", "colour")]
    [InlineData("/api/vacant/whatif?occupy_ids=,", "occupy_ids")]
    [InlineData("/api/vacant/ranking?weights=inside=10,inside=40", "weights")]
    [InlineData("/api/vacant/whatif?occupy_top=2&weights=decay=1,transit=2,decay=3", "weights")]
    [InlineData("/api/vacant/ranking?weights=inside=1e308,transit=1e308", "weights")]
    public async Task Bad_input_is_400_problem_details(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);
        await Problems.AssertBadParameter(response, parameter);
    }

    [Fact]
    public async Task A_filter_with_many_problems_gets_a_short_detail()
    {
        // 500 repeats of one key: Core lists a problem per repeat; the answer stays a readable size.
        var filter = string.Join(",", Enumerable.Repeat("inside=true", 500));
        var detail = await Problems.AssertBadParameter(await factory.CreateClient().GetAsync("/api/vacant/ranking?filter=" + filter), "filter");
        Assert.Contains("given twice", detail);
        Assert.True(detail.Length <= 1001, $"detail has {detail.Length} characters");
    }

    [Fact]
    public async Task Results_kept_for_later_requests_are_bounded()
    {
        var client = factory.CreateClient();
        var data = factory.Services.GetRequiredService<Sousei.Geo.Analysis.City>();
        for (var i = 0; i < Sousei.Geo.Analysis.City.MemoCapacity + 10; i++)
        {
            var response = await client.GetAsync(FormattableString.Invariant($"/api/vacant/ranking?top=1&weights=decay={i + 1}"));
            Assert.True(response.IsSuccessStatusCode, $"weights decay={i + 1}: {(int)response.StatusCode}");
        }

        Assert.InRange(data.MemoCount, 1, Sousei.Geo.Analysis.City.MemoCapacity);
    }
}
