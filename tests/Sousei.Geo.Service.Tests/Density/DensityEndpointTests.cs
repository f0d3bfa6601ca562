using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sousei.Geo.Cli;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Density;

public sealed class DensityEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Households_density_is_30_persons_on_100_hectares()
    {
        // 10 households × 3 persons inside the 1,000 m square (100 ha): 0.3 persons/ha;
        // gap = ceil(60.7 × 100 − 30) = 6,040. West and east zones each hold 5 households (15 persons) on 50 ha.
        var json = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/density"))!;
        Assert.Equal("households", (string?)json["method"]);
        Assert.Equal(2024, (int?)json["year"]);
        Assert.Equal(30, (double?)json["population"]);
        Assert.Equal(100, (double)json["area_ha"]!, 3);
        Assert.Equal(6040, (long?)json["gap_persons"]);
        Assert.False((bool?)json["meets_target"]);
        var zones = json["zones"]!.AsArray();
        Assert.Equal(["west", "east"], zones.Select(z => (string?)z!["id"]));
        Assert.All(zones, z => Assert.Equal(15, (double?)z!["population"]));
        Assert.All(zones, z => Assert.Equal("ward", (string?)z!["kind"]));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("?method=blocks", new[] { "--method", "blocks" })]
    [InlineData("?method=blocks&year=2020&target=50", new[] { "--method", "blocks", "--year", "2020", "--target", "50" })]
    [InlineData("?method=buildings", new[] { "--method", "buildings" })]
    [InlineData("?trend=true", new[] { "--trend" })]
    public async Task Density_matches_the_command_line(string query, string[] cliArgs)
    {
        var api = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/density" + query))!;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(["density", "--data", factory.DataPath, "--format", "json", .. cliArgs], new CliConsole(output, error, false));
        Assert.True(code == 0, error.ToString());
        var cli = JsonNode.Parse(output.ToString())!;
        Assert.True(JsonNode.DeepEquals(cli, api), $"CLI:\n{cli.ToJsonString()}\nAPI:\n{api.ToJsonString()}");
    }

    [Theory]
    [InlineData("?method=people", "method")]
    [InlineData("?year=1999", "year")]
    [InlineData("?year=abc", "year")]
    [InlineData("?target=-1", "target")]
    [InlineData("?target=NaN", "target")]
    [InlineData("?trend=maybe", "trend")]
    [InlineData("?colour=red", "colour")]
    [InlineData("?year=2024&year=2020", "year")]
    public async Task Bad_density_parameters_are_400_naming_the_parameter(string query, string parameter)
    {
        var response = await factory.CreateClient().GetAsync("/api/density" + query);
        await Problems.AssertBadParameter(response, parameter);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/density", paths);
        Assert.Contains("/ogc/collections/{collectionId}/items", paths);
        Assert.Contains("/tiles/{layer}/{z}/{x}/{y}.mvt", paths);
    }

    [Theory]
    [InlineData("/api/hubs/matrix", "max_rides")]
    [InlineData("/api/density", "trend")]
    [InlineData("/api/isochrones", "shape")]
    [InlineData("/api/vacant/ranking", "format")]
    [InlineData("/api/map.png", "bbox")]
    public async Task OpenApi_document_lists_each_analysis_parameter(string path, string parameter)
    {
        // The parameters come from the use case, as the CLI's options do: the document cannot drift from them.
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var names = doc.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
        Assert.Contains((parameter, "query"), names);
    }
}
