using System.Net;
using System.Net.Http.Headers;
using NetTopologySuite.Geometries;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Tiles;

public sealed class TileTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static string TilePath(string layer, int z, double dx, double dy)
    {
        var (lon, lat) = FixtureStore.LonLat(dx, dy);
        var (x, y) = TileMath.TileOf(lon, lat, z);
        return $"/tiles/{layer}/{z}/{x}/{y}.mvt";
    }

    [Fact]
    public async Task Vacant_house_tile_holds_the_house_at_its_place()
    {
        var path = TilePath("vacant_houses", 16, 100, 100);
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var features = TileMath.Decode(await response.Content.ReadAsByteArrayAsync(), path);
        var v1 = Assert.Single(features, f => (string?)f.Attributes["id"] == "V1");
        var (lon, lat) = FixtureStore.LonLat(100, 100);
        var point = Assert.IsType<Point>(v1.Geometry);
        // One extent unit at zoom 16 is 360 / 2^16 / 4096 ≈ 1.3e-6 degrees.
        Assert.Equal(lon, point.X, 5);
        Assert.Equal(lat, point.Y, 5);
        Assert.Equal("high", (string?)v1.Attributes["decay_rank"]);
    }

    [Fact]
    public async Task Etag_and_if_none_match_give_304()
    {
        var client = factory.CreateClient();
        var path = TilePath("town_blocks", 14, 500, 500);
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var features = TileMath.Decode(await first.Content.ReadAsByteArrayAsync(), path);
        Assert.Contains(features, f => (string?)f.Attributes["code"] == "B4");
        Assert.All(features, f => Assert.Equal(2024L, Convert.ToInt64(f.Attributes["year"], System.Globalization.CultureInfo.InvariantCulture)));
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag!.Tag));
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_none_match_compares_weakly_and_reads_lists()
    {
        // RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so W/"x" matches "x"; the header may list several tags.
        var client = factory.CreateClient();
        var path = TilePath("vacant_houses", 15, 100, 100);
        var first = await client.GetAsync(path);
        var tag = first.Headers.ETag!.Tag;
        foreach (var header in new[] { "W/" + tag, "\"other\", " + tag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", header);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotModified, $"If-None-Match: {header} gave {(int)response.StatusCode}");
            Assert.Equal(tag, response.Headers.ETag?.Tag);
        }

        foreach (var header in new[] { "\"other\"", "garbage", "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", header);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"If-None-Match: {header} gave {(int)response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Households_are_published_only_as_cells_of_at_least_five()
    {
        // 10 households inside at y = 300 in a row 720 m long: 100 m cells hold one or two each (suppressed);
        // 1,600 m cells (zoom ≤ 11) hold them all.
        var fine = TilePath("households", 16, 300, 300);
        var fineFeatures = TileMath.Decode(await factory.CreateClient().GetByteArrayAsync(fine), fine);
        Assert.Empty(fineFeatures);
        var coarse = TilePath("households", 11, 300, 300);
        var coarseFeatures = TileMath.Decode(await factory.CreateClient().GetByteArrayAsync(coarse), coarse);
        Assert.NotEmpty(coarseFeatures);
        Assert.All(coarseFeatures, f => Assert.IsAssignableFrom<Polygon>(f.Geometry));
        Assert.All(coarseFeatures, f => Assert.True(Convert.ToInt64(f.Attributes["households"], System.Globalization.CultureInfo.InvariantCulture) >= 5));
    }

    [Fact]
    public async Task Buildings_below_zoom_14_are_an_empty_tile()
    {
        var path = TilePath("buildings", 10, 100, 100);
        var features = TileMath.Decode(await factory.CreateClient().GetByteArrayAsync(path), path);
        Assert.Empty(features);
        var near = TilePath("buildings", 17, 110, 110);
        Assert.Contains(TileMath.Decode(await factory.CreateClient().GetByteArrayAsync(near), near), f => (string?)f.Attributes["id"] == "bld-1");
    }

    [Theory]
    [InlineData("/tiles/households_points/10/1/1.mvt", "layer")]
    [InlineData("/tiles/buildings/23/1/1.mvt", "z")]
    [InlineData("/tiles/buildings/-1/0/0.mvt", "z")]
    [InlineData("/tiles/buildings/2/4/0.mvt", "x")]
    [InlineData("/tiles/buildings/2/0/4.mvt", "y")]
    [InlineData("/tiles/buildings/2/a/0.mvt", "x")]
    [InlineData("/tiles/buildings/2/0/0.mvt?debug=1", "debug")]
    public async Task Bad_tile_requests_are_400_naming_the_parameter(string path, string parameter)
    {
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync(path), parameter);
    }
}
