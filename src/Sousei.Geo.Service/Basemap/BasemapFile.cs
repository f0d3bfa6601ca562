using Sousei.Geo.IO.Tiles;

namespace Sousei.Geo.Service.Basemap;

/// <summary>
/// The offline basemap of <see cref="ServiceSettings.BasemapFile"/> (an MBTiles or PMTiles file, raster or vector), opened
/// once at start so that a missing or damaged file fails the start with a message naming it. Without the setting
/// there is no basemap and <see cref="StatusEntry"/> is null. Thread-safe.
/// </summary>
public sealed class BasemapFile : IDisposable
{
    // The same key as ServiceSettings' Basemap:Attribution of --basemap-url; a file's own attribution comes first.
    private const string AttributionSetting = ServiceSettings.BasemapAttribution;

    public BasemapFile(IConfiguration configuration)
    {
        if (configuration[ServiceSettings.BasemapFile] is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            Archive = TileArchive.Open(path);
        }
        catch (TileArchiveException e)
        {
            throw new InvalidOperationException($"{ServiceSettings.BasemapFile}: {e.Message}", e);
        }

        Path = path;
        Attribution = Archive.Metadata.Attribution ?? configuration[AttributionSetting];
    }

    /// <summary>The open archive, or null when no basemap file is configured.</summary>
    public ITileArchive? Archive { get; }

    public string? Path { get; }

    public string? Attribution { get; }

    /// <summary>
    /// The <c>basemap</c> of <c>/api/status</c> for the viewer — <c>url</c> (relative template), <c>attribution</c>,
    /// <c>format</c> (png, jpg, webp, mvt), <c>minzoom</c>, <c>maxzoom</c> — or null without a basemap file.
    /// </summary>
    public object? StatusEntry => Archive is { Metadata: var m } ? new
    {
        url = "basemap/{z}/{x}/{y}",
        attribution = Attribution,
        format = TileFormats.Name(m.Format),
        minzoom = m.MinZoom,
        maxzoom = m.MaxZoom,
    } : null;

    public void Dispose() => Archive?.Dispose();
}
