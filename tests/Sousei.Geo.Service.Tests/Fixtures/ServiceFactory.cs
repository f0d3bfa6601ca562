using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>The service over a <see cref="FixtureStore"/>, with a staff key set through configuration.</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string StaffKey = "test-staff-key-2b7e1516";

    private readonly FixtureStore _store;

    public ServiceFactory()
        : this(false)
    {
    }

    internal ServiceFactory(bool withGtfs)
    {
        _store = new FixtureStore(withGtfs);
    }

    internal string DataPath => _store.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServiceSettings.Data, _store.Path);
        builder.UseSetting(ServiceSettings.StaffApiKey, StaffKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _store.Dispose();
        }
    }
}

/// <summary>The same fixture with a GTFS tram line.</summary>
public sealed class TransitServiceFactory : IDisposable
{
    private readonly ServiceFactory _factory = new(withGtfs: true);

    public HttpClient CreateClient() => _factory.CreateClient();

    internal string DataPath => _factory.DataPath;

    public IServiceProvider Services => _factory.Services;

    public void Dispose() => _factory.Dispose();
}
