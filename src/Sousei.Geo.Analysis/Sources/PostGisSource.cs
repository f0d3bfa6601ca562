using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.Gtfs;
using Sousei.Geo.PostGis;
using Sousei.Geo.PostGis.Density;
using Sousei.Geo.PostGis.Load;

namespace Sousei.Geo.Analysis.Sources;

/// <summary>
/// One city in a PostGIS database: layers are loaded by <see cref="PostGisCityLoader"/>, GTFS feeds are read
/// from the stored files in memory, and density can be computed in SQL (<see cref="SqlDensity"/>). Owner fields
/// of vacant houses are never loaded. Thread-safe.
/// </summary>
public sealed class PostGisSource : ICitySource
{
    private readonly Lazy<SqlDensityEngine> _sql;

    public PostGisSource(PostGisDatabase database, string city, PlaneProjection projection)
    {
        Database = database;
        City = Identifiers.City(city);
        Projection = projection;
        _sql = new Lazy<SqlDensityEngine>(() => new SqlDensityEngine(Database, City, Projection));
    }

    public PostGisDatabase Database { get; }

    /// <summary>The municipality code (JIS), validated.</summary>
    public string City { get; }

    public string Description => $"PostGIS {Database.Description}, city {City}";

    public string ShortName => City;

    public PlaneProjection Projection { get; }

    public SqlDensityEngine? SqlDensity => _sql.Value;

    public CityLayers Inventory() => PostGisCityLoader.Inventory(Database, City);

    public (CityDataset Dataset, IReadOnlyList<string> Notes) Load(CityLayers layers) => (PostGisCityLoader.Load(Database, City, layers), []);

    public StoreMetadata Metadata() => PostGisCityLoader.Metadata(Database, City);

    public GtfsReadResult ReadGtfs() => GtfsReader.ReadFeeds(PostGisCityLoader.GtfsSources(Database, City));
}
