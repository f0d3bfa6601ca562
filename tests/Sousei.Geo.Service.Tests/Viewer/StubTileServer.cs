using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sousei.Geo.Service.Tests.Viewer;

/// <summary>
/// A stand-in for an online basemap on 127.0.0.1: answers every <c>/{z}/{x}/{y}.png</c> with one grey 256 px PNG and
/// counts the requests, so the viewer test can see that the configured basemap is asked for tiles.
/// </summary>
internal sealed class StubTileServer : IAsyncDisposable
{
    // A 1×1 grey PNG (the browser scales it to the tile).
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGPo6AAAAoQBgflsO3cAAAAASUVORK5CYII=");

    private readonly WebApplication _app;
    private int _requests;

    private StubTileServer(WebApplication app) => _app = app;

    /// <summary>For example http://127.0.0.1:41235 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<StubTileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubTileServer(app);
        app.MapGet("/{z:int}/{x:int}/{y}", (HttpContext c) =>
        {
            Interlocked.Increment(ref stub._requests);
            return Results.Bytes(Tile, "image/png");
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
