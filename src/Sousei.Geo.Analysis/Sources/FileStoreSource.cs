using System.Runtime.CompilerServices;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
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

    private readonly ConditionalWeakTable<CityDataset, Task<StudyArea>> _prepared = [];

    /// <summary>Loads the layers; the study area is built on another core as soon as the area and the zones are read.</summary>
    public (CityDataset Dataset, IReadOnlyList<string> Notes) Load(CityLayers layers)
    {
        Task<StudyArea>? study = null;
        void Prepare(NetTopologySuite.Geometries.Geometry area, IReadOnlyList<Zone> zones) => study = Task.Run(() => new StudyArea(area, zones, Projection));
        var result = FileStoreReader.Load(Directory, Projection, new FileStoreReader.Options(Repair: repair, Layers: layers, AreaRead: Prepare));
        if (study is not null)
        {
            _prepared.AddOrUpdate(result.Dataset, study);
        }

        return (result.Dataset, result.Notes);
    }

    /// <summary>The study area built while <paramref name="dataset"/> was loading (from its own area and zones), or null.</summary>
    public StudyArea? PreparedStudy(CityDataset dataset) =>
        _prepared.TryGetValue(dataset, out var study) ? study.GetAwaiter().GetResult() : null;

    public StoreMetadata Metadata() => StoreMetadataFile.Read(Directory);

    public GtfsReadResult ReadGtfs() => GtfsReader.ReadFeeds(FileStoreReader.GtfsFeedPaths(Directory));
}
