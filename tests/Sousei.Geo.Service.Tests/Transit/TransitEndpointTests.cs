using System.Net;
using System.Text.Json.Nodes;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Transit;

/// <summary>The fixture with a tram line S1 (O + (250, 520)) → S2 (O + (500, 1980)), 40 weekday trips.</summary>
public sealed class TransitEndpointTests(TransitServiceFactory factory) : IClassFixture<TransitServiceFactory>
{
    private async Task<JsonNode> Get(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Distance_to_frequent_stop_is_computed_and_filterable()
    {
        // V6 = O + (250, 520) stands on S1: 0 m. V1 = O + (100, 100) to S1: √(150² + 420²) = 446.0 m.
        var v6 = (await Get("/ogc/collections/vacant_houses/items/V6"))["properties"]!;
        Assert.Equal(0.0, (double)v6["distance_to_frequent_stop_m"]!, 1);
        var v1 = (await Get("/ogc/collections/vacant_houses/items/V1"))["properties"]!;
        Assert.Equal(446.0, (double)v1["distance_to_frequent_stop_m"]!, 1);
        var page = await Get("/ogc/collections/vacant_houses/items?filter=max_frequent_stop_distance_m=450");
        Assert.Equal(["V1", "V6"], page["features"]!.AsArray().Select(f => (string?)f!["id"]).Where(id => id is "V1" or "V6"));
        Assert.DoesNotContain("V5", page["features"]!.AsArray().Select(f => (string?)f!["id"]));
    }

    [Fact]
    public async Task Hub_matrix_has_both_directions_and_the_status_says_transit()
    {
        var status = await Get("/api/status");
        Assert.True((bool)status["transit"]!);

        // What the store says about itself (its store.json), for the viewer's credits line.
        Assert.Equal(FixtureStore.Title, (string?)status["metadata"]!["title"]);
        Assert.True((bool)status["metadata"]!["synthetic"]!);
        Assert.Equal(FixtureStore.Credit, (string?)status["metadata"]!["sources"]![0]!["credit"]);
        var matrix = await Get("/api/hubs/matrix");
        var pairs = matrix["pairs"]!.AsArray();
        Assert.Equal(2, pairs.Count);
        var centralToNorth = pairs.Single(p => (string?)p!["from"] == "central");
        Assert.NotNull(centralToNorth!["travel_minutes"]!["p50"]);
        Assert.Equal(40, (int?)centralToNorth["direct_trips_per_day"]);
        var hubs = await Get("/api/hubs");
        var north = hubs["features"]!.AsArray().Single(f => (string?)f!["id"] == "north")!;
        Assert.NotNull(north["properties"]!["minutes_to_central"]);
    }

    [Fact]
    public async Task Stops_collection_and_coverage_are_served()
    {
        var stops = await Get("/ogc/collections/transit_stops/items");
        Assert.Equal(2, stops["features"]!.AsArray().Count);
        Assert.All(stops["features"]!.AsArray(), s => Assert.True((bool)s!["properties"]!["frequent"]!));
        var coverage = await Get("/api/coverage");
        Assert.True((long)coverage["persons"]! > 0);
    }

    [Fact]
    public async Task Isochrones_need_an_origin_inside_the_data()
    {
        var (lon, lat) = FixtureStore.LonLat(250, 500);
        var cells = await Get(FormattableString.Invariant($"/api/isochrones?lon={lon}&lat={lat}&max_minutes=30"));
        Assert.NotEmpty(cells["features"]!.AsArray());
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync("/api/isochrones?lon=0&lat=0"), "lon");
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync("/api/isochrones?lat=32.8"), "lon");
        var detail = await Problems.AssertBadParameter(await factory.CreateClient().GetAsync(FormattableString.Invariant($"/api/isochrones?lon={lon}&lat=0")), "lat");
        Assert.Contains("outside", detail);

        // O + (1400, −400) is inside the data but √(1150² + 920²) ≈ 1,473 m from S1 and √(900² + 2380²) ≈ 2,544 m from S2: no stop within the 800 m walk.
        var (farLon, farLat) = FixtureStore.LonLat(1400, -400);
        var far = await factory.CreateClient().GetAsync(FormattableString.Invariant($"/api/isochrones?lon={farLon}&lat={farLat}"));
        Assert.Equal(HttpStatusCode.NotFound, far.StatusCode);
        var problem = JsonNode.Parse(await far.Content.ReadAsStringAsync())!;
        Assert.Equal("data.no_stop_nearby", (string?)problem["code"]);
        Assert.Contains("no stop within 800 m", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

public sealed class NoTransitTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("/api/hubs/matrix")]
    [InlineData("/api/coverage")]
    public async Task Transit_results_without_gtfs_are_404_problems(string path)
    {
        await Problems.AssertProblem(await factory.CreateClient().GetAsync(path), HttpStatusCode.NotFound);
    }
}
