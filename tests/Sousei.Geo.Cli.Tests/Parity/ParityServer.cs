using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sousei.Geo.Analysis;
using Sousei.Geo.Service;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>The service on one city, on a free loopback port, for comparing its answers with the CLI's.</summary>
internal sealed class ParityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private ParityServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ParityServer> StartAsync(City city)
    {
        var app = ServiceApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Services.AddSingleton(city));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ParityServer(app, address.TrimEnd('/'));
    }

    /// <summary>GET path; the status and the body parsed as JSON.</summary>
    public async Task<(int Status, JsonNode Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(BaseUrl + path);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
