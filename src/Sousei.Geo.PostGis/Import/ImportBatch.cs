using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// The layers one import replaces, with the file each came from (for messages). A null layer is
/// left as it is in the database; a non-null one replaces the city's rows: for
/// <c>households</c> and <c>town_blocks</c> only the rows of the years listed in
/// <see cref="HouseholdYears"/> / <see cref="TownBlockYears"/>, for every other layer all rows.
/// Geometries are longitude/latitude with SRID 4326.
/// </summary>
public sealed class ImportBatch
{
    /// <summary>Where the data came from (a directory or a file), for the report.</summary>
    public required string Source { get; init; }

    /// <summary>The 居住誘導区域 features in file order: name and polygon.</summary>
    public IReadOnlyList<(string? Name, Geometry Geometry)>? InducementArea { get; init; }

    public IReadOnlyList<Household>? Households { get; init; }

    /// <summary>Years of households replaced (default: the years present in <see cref="Households"/>).</summary>
    public IReadOnlyCollection<int>? HouseholdYears { get; init; }

    public IReadOnlyList<TownBlock>? TownBlocks { get; init; }

    /// <summary>Years of town blocks replaced (default: the years present in <see cref="TownBlocks"/>).</summary>
    public IReadOnlyCollection<int>? TownBlockYears { get; init; }

    public IReadOnlyList<Building>? Buildings { get; init; }

    public IReadOnlyList<Zone>? Zones { get; init; }

    public IReadOnlyList<Hub>? Hubs { get; init; }

    public IReadOnlyList<VacantHouse>? VacantHouses { get; init; }

    /// <summary>What the store says about itself (<c>store.json</c>); when non-null it replaces the city's.</summary>
    public Core.Model.StoreMetadata? Metadata { get; init; }

    /// <summary>GTFS feeds; when non-null every feed of the city is replaced by these.</summary>
    public IReadOnlyList<GtfsFeedFiles>? GtfsFeeds { get; init; }

    /// <summary>The file each layer came from, by layer name, for error messages.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    internal string FileOf(string layer) => Files.TryGetValue(layer, out var f) ? f : layer;
}
