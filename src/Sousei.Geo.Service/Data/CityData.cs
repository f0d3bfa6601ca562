using System.Globalization;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// One city's data as the service and the export/map commands use it: the dataset, the prepared study
/// area, the transit layer when the store has GTFS, and vacant houses with their computed fields. Built
/// once; immutable and safe for concurrent readers afterwards.
/// </summary>
public sealed class CityData
{
    public CityData(CityDataset dataset, PlaneProjection projection, TransitNetwork? network = null, string description = "", IReadOnlyList<string>? notes = null)
    {
        Dataset = dataset;
        Projection = projection;
        Description = description;
        Notes = notes ?? [];
        Study = new StudyArea(dataset.InducementArea, dataset.Zones, projection);
        Transit = network is null ? null : new TransitData(network, dataset);
        VacantHouses = VacantHouseAnalysis.Compute(this);
        ZoneKinds = dataset.Zones.GroupBy(z => z.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        LatestBlockYear = dataset.TownBlocks.Count == 0 ? null : dataset.TownBlocks.Max(b => b.Year);
        Extent = ComputeExtent(dataset);
    }

    public CityDataset Dataset { get; }

    /// <summary>The plane CRS of areas and distances (EPSG:6670 for Kumamoto).</summary>
    public PlaneProjection Projection { get; }

    public StudyArea Study { get; }

    /// <summary>Null when the store holds no GTFS feed.</summary>
    public TransitData? Transit { get; }

    public IReadOnlyList<VacantHouseRecord> VacantHouses { get; }

    public IReadOnlyDictionary<string, string> ZoneKinds { get; }

    /// <summary>Latest year of the town blocks, shown in tiles and maps.</summary>
    public int? LatestBlockYear { get; }

    /// <summary>Envelope of every layer, longitude/latitude.</summary>
    public Envelope Extent { get; }

    /// <summary>Where the data came from, for the landing page.</summary>
    public string Description { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Loads a file store (validated by <see cref="FileStoreReader"/>) and, when it has GTFS feeds, builds the
    /// network of <paramref name="serviceDate"/> (default: <see cref="GtfsServiceDays.BusiestWeekday"/>).
    /// </summary>
    /// <exception cref="Core.Validation.DataException">The store or a feed has problems.</exception>
    public static CityData Load(string directory, PlaneProjection projection, bool repair = false, DateOnly? serviceDate = null)
    {
        var result = FileStoreReader.Load(directory, projection, new FileStoreReader.Options(Repair: repair));
        return FromDataset(result.Dataset, projection, result.GtfsFeeds, serviceDate, directory, result.Notes);
    }

    /// <summary>
    /// Wraps a loaded dataset (from a file store or PostGIS) and, when <paramref name="gtfsFeeds"/> is not empty,
    /// reads the feeds and builds the network of <paramref name="serviceDate"/> (default: <see cref="GtfsServiceDays.BusiestWeekday"/>).
    /// </summary>
    /// <exception cref="Core.Validation.DataException">A feed has problems.</exception>
    public static CityData FromDataset(CityDataset dataset, PlaneProjection projection, IReadOnlyList<string> gtfsFeeds, DateOnly? serviceDate, string description, IReadOnlyList<string> notes)
    {
        TransitNetwork? network = null;
        var allNotes = notes.ToList();
        if (gtfsFeeds.Count > 0)
        {
            var gtfs = GtfsReader.ReadFeeds(gtfsFeeds, serviceDate);
            gtfs.ThrowIfProblems();
            var date = serviceDate ?? GtfsServiceDays.BusiestWeekday(gtfs.Feeds);
            network = TransitNetwork.Build(gtfs.Feeds, date, projection);
            allNotes.Add($"GTFS: {gtfs.Feeds.Count} feed(s), service day {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {network.TripCount} trips");
        }

        return new CityData(dataset, projection, network, description, allNotes);
    }

    private static Envelope ComputeExtent(CityDataset d)
    {
        var e = new Envelope(d.InducementArea.EnvelopeInternal);
        foreach (var z in d.Zones)
        {
            e.ExpandToInclude(z.Geometry.EnvelopeInternal);
        }

        foreach (var b in d.TownBlocks)
        {
            e.ExpandToInclude(b.Geometry.EnvelopeInternal);
        }

        foreach (var h in d.Hubs)
        {
            e.ExpandToInclude(h.Location.Coordinate);
        }

        foreach (var v in d.VacantHouses)
        {
            e.ExpandToInclude(v.Geometry.EnvelopeInternal);
        }

        return e;
    }
}
