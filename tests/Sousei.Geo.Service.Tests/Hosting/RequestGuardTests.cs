using System.Net;
using System.Text.Json;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Hosting;

/// <summary>
/// On Kestrel itself (not the in-memory test server): a request target or headers a little over the service's limits get
/// a ProblemDetails body saying what is too large (414 / 431), not Kestrel's bare status; every answer carries the
/// security headers.
/// </summary>
public sealed class RequestGuardTests : IDisposable
{
    private readonly FixtureStore _store = new();

    public void Dispose() => _store.Dispose();

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_long_request_target_is_414_problem_details()
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        using var client = new HttpClient();
        var response = await client.GetAsync(server.BaseUrl + "/ogc/collections/vacant_houses/items?filter=zone=" + new string('a', 9_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var problem = await Problem(response);
        Assert.Equal(414, problem.GetProperty("status").GetInt32());
        Assert.Contains("at most 8,192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_or_too_large_headers_are_431_problem_details()
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        using var client = new HttpClient();
        using var many = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/status");
        for (var i = 0; i < 80; i++)
        {
            many.Headers.Add("X-Extra-" + i, "1");
        }

        var response = await client.SendAsync(many);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Contains("at most 64 headers", (await Problem(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var large = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/status");
        large.Headers.Add("X-Large", new string('x', 40_000));
        var big = await client.SendAsync(large);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, big.StatusCode);
        await Problem(big);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        using var client = new HttpClient();
        var response = await client.GetAsync(server.BaseUrl + path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_computing_endpoints_are_limited_per_client_with_a_429_problem()
    {
        var app = ServiceApp.Create(["--urls", "http://127.0.0.1:0", $"--{ServiceSettings.Data}={_store.Path}", $"--{ServiceSettings.RateLimitPerMinute}=3"]);
        await app.StartAsync();
        try
        {
            var address = app.Urls.First().TrimEnd('/');
            using var client = new HttpClient();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address + "/api/vacant/whatif?occupy_top=1")).StatusCode);
            }

            var limited = await client.GetAsync(address + "/api/vacant/whatif?occupy_top=1");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
            Assert.Contains("at most 3 requests a minute", (await Problem(limited)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            // The other endpoints are not limited.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address + "/api/status")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
