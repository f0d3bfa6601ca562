using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.Gtfs;
using Sousei.Geo.PostGis.Density;

namespace Sousei.Geo.Analysis.Sources;

/// <summary>A file-store directory (docs/data-model.md), read by <see cref="FileStoreReader"/>. Thread-safe.</summary>
public sealed class FileStoreSource(string directory, PlaneProjection projection, bool repair = false) : ICitySource
{
    public string Directory { get; } = directory;

    public string Description => Directory;

    public string ShortName => Path.GetFileName(Directory.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : Directory;

    public PlaneProjection Projection { get; } = projection;

    public SqlDensityEngine? SqlDensity => null;

    public string? ScenarioDirectory => Path.Combine(Directory, "scenarios");

    public CityLayers Inventory() => FileStoreReader.Inventory(Directory);

    public (CityDataset Dataset, IReadOnlyList<string> Notes) Load(CityLayers layers)
    {
        var result = FileStoreReader.Load(Directory, Projection, new FileStoreReader.Options(Repair: repair, Layers: layers));
        return (result.Dataset, result.Notes);
    }

    public StoreMetadata Metadata() => StoreMetadataFile.Read(Directory);

    public GtfsReadResult ReadGtfs() => GtfsReader.ReadFeeds(FileStoreReader.GtfsFeedPaths(Directory));
}
