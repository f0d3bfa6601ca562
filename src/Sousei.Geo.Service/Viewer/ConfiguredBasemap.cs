namespace Sousei.Geo.Service.Viewer;

/// <summary>The service's basemap, read once at start (null: none, the viewer draws its own context layers).</summary>
internal sealed class ConfiguredBasemap(Basemap? value)
{
    public Basemap? Value { get; } = value;

    public static ConfiguredBasemap FromConfiguration(IServiceProvider services) =>
        new(Basemap.FromConfiguration(services.GetRequiredService<IConfiguration>()));
}
