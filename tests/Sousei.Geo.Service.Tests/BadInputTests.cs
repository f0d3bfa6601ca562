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
        "/ogc/collections/vacant_houses/items?filter=max_hub_distance_m=%00",
        "/ogc/collections/vacant_houses/items?filter=decay_rank=%E4%BD%8E,,",
        "/ogc/collections/%2e%2e/items",
        "/ogc/collections/vacant_houses/items/" + "x",
        "/api/export/vacant_houses.geojson?bbox=130,32,131",
        "/api/export/vacant_houses.geojson?filter=inside=TRUE",
        "/api/map.png?width=64.5",
        "/api/map.png?bbox=130.7,32.8,130.7,32.8",
        "/api/isochrones?lon=abc&lat=def",
        "/tiles/vacant_houses/99999999999/0/0.mvt",
        "/tiles/vacant_houses/1/1/1.pbf",
        "/viewer/../appsettings.json",
        "/api/vacant_houses/count?filter=zone=",
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
        var response = await factory.CreateClient().GetAsync("/ogc/collections/vacant_houses/items?filter=zone=" + new string('a', 20_000));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Request_bodies_over_the_limit_are_refused()
    {
        var response = await factory.CreateClient().PostAsync("/api/density", new ByteArrayContent(new byte[200_000]));
        Assert.True((int)response.StatusCode is 405 or 413, $"{(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    public async Task Bad_parameters_are_problem_details_whatever_the_accept_header(string accept)
    {
        // Browsers send Accept: text/html; the ProblemDetails writer used to decline it and leave an empty 400.
        foreach (var (path, parameter) in new[] { ("/api/density?method=foo", "method"), ("/api/map.png?width=1", "width"), ("/tiles/nope/0/0/0.mvt", "layer") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            await Problems.AssertBadParameter(await factory.CreateClient().SendAsync(request), parameter);
        }
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problem_details_for_browsers_too()
    {
        var client = factory.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        get.Headers.TryAddWithoutValidation("Accept", "text/html");
        await Problems.AssertProblem(await client.SendAsync(get), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await client.GetAsync("/openapi/v2.json"), HttpStatusCode.NotFound);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/density");
        delete.Headers.TryAddWithoutValidation("Accept", "text/html");
        var response = await client.SendAsync(delete);
        Assert.Contains("GET", response.Content.Headers.Allow);
        await Problems.AssertProblem(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Long_names_are_not_echoed_in_full()
    {
        var name = new string('a', 6000);
        var response = await factory.CreateClient().GetAsync($"/api/density?{name}=1");
        var detail = await Problems.AssertBadParameter(response, name[..40] + "…");
        Assert.True(detail.Length < 200, $"detail has {detail.Length} characters");

        var viewer = await factory.CreateClient().GetAsync("/viewer/" + name);
        await Problems.AssertProblem(viewer, HttpStatusCode.NotFound);
        Assert.True((await viewer.Content.ReadAsStringAsync()).Length < 1000);
    }

    [Fact]
    public async Task Shortened_echoes_never_split_a_surrogate_pair()
    {
        // 39 letters, then emoji (two UTF-16 units each): a cut at 40 units would leave half a pair (sent as U+FFFD).
        var text = new string('a', 39) + "😀😀";
        Assert.Equal(new string('a', 39) + "…", Sousei.Geo.Service.Http.QueryReader.Shorten(text));
        var detail = await Problems.AssertBadParameter(await factory.CreateClient().GetAsync("/api/density?method=" + Uri.EscapeDataString(text)), "method");
        Assert.DoesNotContain("\uFFFD", detail, StringComparison.Ordinal);
        Assert.StartsWith("method: '" + new string('a', 39) + "…'", detail, StringComparison.Ordinal);
    }
}
