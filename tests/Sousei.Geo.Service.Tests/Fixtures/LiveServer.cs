using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>
/// The service on Kestrel at 127.0.0.1 on a free port, in-process, for external clients (ogrinfo, Chromium)
/// that cannot use the in-memory test server.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <param name="dataPath">The file store.</param>
    /// <param name="settings">More settings, for example <c>--Sousei:Basemap:Url=…</c>.</param>
    public static async Task<LiveServer> StartAsync(string dataPath, params string[] settings)
    {
        var app = ServiceApp.Create(["--urls", "http://127.0.0.1:0", $"--{ServiceSettings.Data}={dataPath}", $"--{ServiceSettings.StaffApiKey}={ServiceFactory.StaffKey}", .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
