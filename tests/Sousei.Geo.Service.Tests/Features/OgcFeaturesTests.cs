using System.Net;
using System.Text.Json.Nodes;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Features;

public sealed class OgcFeaturesTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private async Task<JsonNode> Get(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Landing_page_links_conformance_data_and_service_description()
    {
        var landing = await Get("/ogc");
        var rels = landing["links"]!.AsArray().Select(l => (string?)l!["rel"]).ToList();
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);
        Assert.Contains("service-desc", rels);
        var conformance = await Get("/ogc/conformance");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", conformance["conformsTo"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Collections_list_public_layers_and_never_households()
    {
        var collections = await Get("/ogc/collections");
        var ids = collections["collections"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.Equal(["inducement_area", "zones", "hubs", "town_blocks", "buildings", "vacant_houses"], ids);
        var notFound = await factory.CreateClient().GetAsync("/ogc/collections/households/items");
        await Problems.AssertProblem(notFound, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Items_page_with_limit_and_next_links_until_every_feature_is_read()
    {
        // 10 town blocks (5 codes × 2 years), pages of 3: 3 + 3 + 3 + 1.
        var seen = new List<string>();
        string? next = "/ogc/collections/town_blocks/items?limit=3";
        var pages = 0;
        while (next is not null)
        {
            var page = await Get(next);
            Assert.Equal(10, (int?)page["numberMatched"]);
            var features = page["features"]!.AsArray();
            Assert.Equal(features.Count, (int?)page["numberReturned"]);
            seen.AddRange(features.Select(f => (string)f!["id"]!));
            next = page["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "next")?["href"]?.GetValue<string>();
            next = next is null ? null : new Uri(next).PathAndQuery;
            pages++;
        }

        Assert.Equal(4, pages);
        Assert.Equal(10, seen.Distinct().Count());
        Assert.Contains("B1_2024", seen);
    }

    [Fact]
    public async Task Items_are_geojson_with_the_right_media_type()
    {
        var response = await factory.CreateClient().GetAsync("/ogc/collections/hubs/items");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", (string?)page["type"]);
        Assert.Equal(["central", "north"], page["features"]!.AsArray().Select(f => (string?)f!["id"]));
        Assert.Null(page["crs"]);
    }

    [Fact]
    public async Task Bbox_selects_features_that_intersect_it()
    {
        // A box around V1 = O + (100, 100) only.
        var (lon0, lat0) = FixtureStore.LonLat(50, 50);
        var (lon1, lat1) = FixtureStore.LonLat(150, 150);
        var page = await Get(FormattableString.Invariant($"/ogc/collections/vacant_houses/items?bbox={lon0},{lat0},{lon1},{lat1}"));
        Assert.Equal(["V1"], page["features"]!.AsArray().Select(f => (string?)f!["id"]));
    }

    [Fact]
    public async Task Single_feature_by_id_and_404_for_unknown_id()
    {
        var feature = await Get("/ogc/collections/zones/items/west");
        Assert.Equal("西区域", (string?)feature["properties"]!["name"]);
        Assert.Equal(200, (double)feature["properties"]!["area_ha"]!, 3); // 1,000 m × 2,000 m
        await Problems.AssertProblem(await factory.CreateClient().GetAsync("/ogc/collections/zones/items/nowhere"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("inside=true", new[] { "V1", "V2", "V4", "V6" })]
    [InlineData("inside=false", new[] { "V3", "V5" })]
    [InlineData("zone=west", new[] { "V1", "V3", "V6" })]
    [InlineData("decay_rank=低", new[] { "V2", "V5" })]
    [InlineData("decay_rank=high|medium,inside=true", new[] { "V1", "V4", "V6" })]
    [InlineData("vacancy_likelihood=high", new[] { "V1", "V3" })]
    [InlineData("status=listed|specified", new[] { "V2", "V3" })]
    [InlineData("max_hub_distance_m=100", new[] { "V6" })]
    public async Task Vacant_house_filters_select_the_expected_houses(string filter, string[] expected)
    {
        // The one filter language of the ranking, the export and the viewer (VacantHouseFilter).
        var page = await Get("/ogc/collections/vacant_houses/items?filter=" + Uri.EscapeDataString(filter));
        Assert.Equal(expected, page["features"]!.AsArray().Select(f => (string?)f!["id"]));
    }

    [Fact]
    public async Task Computed_fields_are_worked_out_by_hand()
    {
        // V6 = O + (250, 520), the central hub O + (250, 500): 20 m. V1 = O + (100, 100): √(150² + 400²) = 427.2 m.
        var v6 = (await Get("/ogc/collections/vacant_houses/items/V6"))["properties"]!;
        Assert.Equal("central", (string?)v6["nearest_hub"]);
        Assert.Equal(20.0, (double)v6["distance_to_nearest_hub_m"]!, 1);
        Assert.True((bool)v6["inside_inducement_area"]!);
        Assert.Equal("west", (string?)v6["zone"]);
        Assert.Null(v6["distance_to_frequent_stop_m"]);
        var v1 = (await Get("/ogc/collections/vacant_houses/items/V1"))["properties"]!;
        Assert.Equal(427.2, (double)v1["distance_to_nearest_hub_m"]!, 1);
        var v5 = (await Get("/ogc/collections/vacant_houses/items/V5"))["properties"]!;
        Assert.Null(v5["zone"]);
        Assert.False((bool)v5["inside_inducement_area"]!);
    }

    [Theory]
    [InlineData("/ogc/collections/vacant_houses/items?limit=0", "limit")]
    [InlineData("/ogc/collections/vacant_houses/items?limit=10001", "limit")]
    [InlineData("/ogc/collections/vacant_houses/items?limit=ten", "limit")]
    [InlineData("/ogc/collections/vacant_houses/items?offset=-1", "offset")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=1,2,3", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=131,33,130,32", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=120,20,140,40", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=a,b,c,d", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=-200,0,0,1", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox-crs=EPSG:6670", "bbox-crs")]
    [InlineData("/ogc/collections/vacant_houses/items?f=html", "f")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=inside=yes", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=zone=atlantis", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=decay_rank=ancient", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=vacancy_likelihood=sure", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=status=haunted", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=max_hub_distance_m=-5", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?filter=max_hub_distance_m=Infinity", "filter")]
    [InlineData("/ogc/collections/vacant_houses/items?sortby=id", "sortby")]
    [InlineData("/ogc/collections/town_blocks/items?year=20x", "year")]
    [InlineData("/ogc/collections/buildings/items?inside=true", "inside")]
    [InlineData("/ogc/collections/vacant_houses/items?bbox=130,32,100,131,33,0", "bbox")]
    [InlineData("/ogc/collections/vacant_houses/items/V1?crs=EPSG:4326", "crs")]
    [InlineData("/ogc/collections/hubs/items/central?crs=http://www.opengis.net/def/crs/EPSG/0/6670", "crs")]
    public async Task Bad_items_parameters_are_400_naming_the_parameter(string path, string parameter)
    {
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync(path), parameter);
    }

    [Fact]
    public async Task Frequent_stop_filter_without_gtfs_is_400_saying_so()
    {
        var response = await factory.CreateClient().GetAsync("/ogc/collections/vacant_houses/items?filter=max_frequent_stop_distance_m=500");
        var detail = await Problems.AssertBadParameter(response, "filter");
        Assert.Contains("GTFS", detail);
    }
}
