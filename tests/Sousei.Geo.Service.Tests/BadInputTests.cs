using System.Net;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests;

/// <summary>Hostile or malformed requests are answered with 4xx, never a 500.</summary>
public sealed class BadInputTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    public static TheoryData<string> Paths => new()
    {
        "/api/density?year=99999999999999999999",
        "/api/density?target=1e400",
        "/api/density?method=",
        "/ogc/collections/vacant_houses/items?limit=1e3",
        "/ogc/collections/vacant_houses/items?offset=99999999999",
        "/ogc/collections/vacant_houses/items?offset=2147483647&limit=10000",
        "/ogc/collections/vacant_houses/items?bbox=130.7,32.8,130.71,32.81,1",
        "/ogc/collections/vacant_houses/items?bbox=,,,",
        "/ogc/collections/vacant_houses/items?bbox=130.7;32.8;130.71;32.81",
        "/ogc/collections/vacant_houses/items?max_hub_distance_m=%00",
        "/ogc/collections/vacant_houses/items?decay_rank=%E4%BD%8E,,",
        "/ogc/collections/%2e%2e/items",
        "/ogc/collections/vacant_houses/items/" + "x",
        "/api/export/vacant_houses.geojson?bbox=130,32,131",
        "/api/export/vacant_houses.geojson?inside=TRUE",
        "/api/map.png?width=64.5",
        "/api/map.png?bbox=130.7,32.8,130.7,32.8",
        "/api/isochrones?lon=abc&lat=def",
        "/tiles/vacant_houses/99999999999/0/0.mvt",
        "/tiles/vacant_houses/1/1/1.pbf",
        "/viewer/../appsettings.json",
        "/api/vacant_houses/count?zone=",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Bad_input_is_never_a_500(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Oversized_query_string_is_rejected()
    {
        var response = await factory.CreateClient().GetAsync("/ogc/collections/vacant_houses/items?zone=" + new string('a', 20_000));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Request_bodies_over_the_limit_are_refused()
    {
        var response = await factory.CreateClient().PostAsync("/api/density", new ByteArrayContent(new byte[200_000]));
        Assert.True((int)response.StatusCode is 405 or 413, $"{(int)response.StatusCode}");
    }
}
