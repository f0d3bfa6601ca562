using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.FileStore;
using Sousei.Geo.PostGis;
using Sousei.Geo.PostGis.Load;

namespace Sousei.Geo.Cli;

/// <summary>
/// Where a command's data comes from: <c>--data DIR</c> (file store) or <c>--db CONN --city CODE</c>
/// (PostGIS; the connection string may also come from <c>SOUSEI_DB</c>); the CRS from <c>--crs</c>.
/// From a database the layers and GTFS feeds are loaded only when a command asks for them, so that
/// SQL pushdown (<see cref="Database"/>) never pulls rows into memory.
/// </summary>
internal sealed class DataSource
{
    private readonly Lazy<CityDataset> _dataset;
    private readonly Lazy<IReadOnlyList<string>> _gtfsFeeds;

    public DataSource(CityDataset dataset, PlaneProjection projection, IReadOnlyList<string> notes, IReadOnlyList<string> gtfsFeeds, string description)
        : this(() => dataset, projection, notes, () => gtfsFeeds, description, null)
    {
    }

    private DataSource(Func<CityDataset> dataset, PlaneProjection projection, IReadOnlyList<string> notes, Func<IReadOnlyList<string>> gtfsFeeds, string description, DatabaseCity? database)
    {
        _dataset = new Lazy<CityDataset>(dataset);
        _gtfsFeeds = new Lazy<IReadOnlyList<string>>(gtfsFeeds);
        Projection = projection;
        Notes = notes;
        Description = description;
        Database = database;
    }

    public CityDataset Dataset => _dataset.Value;

    public PlaneProjection Projection { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>GTFS feed paths (zips or folders); from a database, the feeds written to a temp folder.</summary>
    public IReadOnlyList<string> GtfsFeeds => _gtfsFeeds.Value;

    public string Description { get; }

    /// <summary>The database and city when the data is in PostGIS; null for a file store.</summary>
    public DatabaseCity? Database { get; }

    /// <summary>A city in a PostGIS database.</summary>
    internal sealed record DatabaseCity(PostGisDatabase Db, string City);

    /// <summary>Reads <c>--data</c> or <c>--db</c>/<c>--city</c>, <c>--crs</c> and <c>--repair</c> and loads the data.</summary>
    public static DataSource Load(CommandArgs args, CliConsole console)
    {
        var projection = ParseCrs(args);
        var repair = args.Flag("repair");
        var dir = args.String("data");
        if (dir is null && (args.Has("db") || args.Has("city")))
        {
            var db = OpenDatabase(args);
            var city = ParseCity(args);
            var description = $"PostGIS {db.Description}, city {city}";
            console.Progress($"using {description}");
            return new DataSource(
                () => PostGisCityLoader.Load(db, city),
                projection,
                [],
                () => PostGisCityLoader.ExtractGtfs(db, city, TempGtfsDirectory()),
                description,
                new DatabaseCity(db, city));
        }

        if (dir is null)
        {
            throw new UsageException("give the data with --data DIR (a file-store directory such as geodata/kumamoto) or --db CONN --city CODE (PostGIS; CONN may come from SOUSEI_DB)");
        }

        if (args.Has("db"))
        {
            throw new UsageException("give either --data DIR or --db CONN --city CODE, not both");
        }

        console.Progress($"loading {dir}");
        var result = FileStoreReader.Load(dir, projection, new FileStoreReader.Options(Repair: repair));
        return new DataSource(result.Dataset, projection, result.Notes, result.GtfsFeeds, dir);
    }

    public static PlaneProjection ParseCrs(CommandArgs args)
    {
        var crs = args.String("crs");
        if (crs is null)
        {
            return PlaneProjection.Kumamoto;
        }

        return PlaneProjection.TryParse(crs, out var p, out var error) ? p! : throw new UsageException(error);
    }

    /// <summary>The database of <c>--db CONN</c>, else of the <c>SOUSEI_DB</c> environment variable.</summary>
    public static PostGisDatabase OpenDatabase(CommandArgs args)
    {
        var connection = args.String("db");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = Environment.GetEnvironmentVariable(ConnectionStrings.EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new UsageException($"give the database with --db CONN (e.g. \"Host=localhost;Database=sousei;Username=planner\") or set {ConnectionStrings.EnvironmentVariable}");
        }

        return PostGisDatabase.Create(connection);
    }

    /// <summary>The validated <c>--city</c> municipality code.</summary>
    public static string ParseCity(CommandArgs args)
    {
        var city = args.String("city") ?? throw new UsageException("give the municipality with --city CODE (JIS code, e.g. 43100 for Kumamoto)");
        try
        {
            return Identifiers.City(city);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static string TempGtfsDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sousei-gtfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
                // Best effort: the folder is in the temp directory.
            }
        };
        return dir;
    }
}
