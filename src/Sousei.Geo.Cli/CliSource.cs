using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.PostGis;

namespace Sousei.Geo.Cli;

/// <summary>
/// Where a command's data comes from: <c>--data DIR</c> (file store) or <c>--db CONN --city CODE</c> (PostGIS; the
/// connection string may also come from <c>SOUSEI_DB</c>), with <c>--crs</c> and <c>--repair</c>. Only parses the
/// options into an <see cref="ICitySource"/>; the analysis decides what to load.
/// </summary>
internal static class CliSource
{
    /// <summary>Help lines of the data options, shown by every analysis command.</summary>
    public const string Usage = """
          --data DIR        a file-store directory (such as geodata/kumamoto)
          --db CONN         PostGIS connection string (or set SOUSEI_DB), with --city CODE (JIS municipality code, e.g. 43100)
          --crs EPSG:66xx   plane CRS of areas and distances (EPSG:6669–6687; default EPSG:6670, Kumamoto)
          --repair          repair invalid polygons with MakeValid and report what changed
        """;

    /// <summary>Reads the data options; call before <see cref="CommandArgs.RejectUnknown"/>.</summary>
    public static ICitySource Open(CommandArgs args, CliConsole console)
    {
        var projection = ParseCrs(args);
        var repair = args.Flag("repair");
        var dir = args.String("data");
        if (dir is null && (args.Has("db") || args.Has("city")))
        {
            var db = OpenDatabase(args);
            var source = new PostGisSource(db, ParseCity(args), projection);
            console.Progress($"using {source.Description}");
            return source;
        }

        if (dir is null)
        {
            throw new UsageException("give the data with --data DIR (a file-store directory such as geodata/kumamoto) or --db CONN --city CODE (PostGIS; CONN may come from SOUSEI_DB)");
        }

        if (args.Has("db"))
        {
            throw new UsageException("give either --data DIR or --db CONN --city CODE, not both");
        }

        if (dir.Trim().Length == 0)
        {
            throw new UsageException("--data is empty; give a file-store directory such as geodata/kumamoto");
        }

        console.Progress($"loading {dir}");
        return new FileStoreSource(dir, projection, repair);
    }

    public static PlaneProjection ParseCrs(CommandArgs args)
    {
        var crs = args.String("crs");
        if (crs is null)
        {
            return PlaneProjection.Kumamoto;
        }

        return PlaneProjection.TryParse(crs, out var p, out var error) ? p! : throw new UsageException("--crs: " + error);
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

        try
        {
            return PostGisDatabase.Create(connection);
        }
        catch (PostGisException e)
        {
            throw new UsageException("--db: " + e.Message);
        }
    }

    /// <summary>The validated <c>--city</c> municipality code.</summary>
    public static string ParseCity(CommandArgs args)
    {
        var city = args.String("city") ?? throw new UsageException("give the municipality with --city CODE (JIS code, e.g. 43100 for Kumamoto)");
        return Identifiers.IsCity(city, out var why) ? Identifiers.City(city) : throw new UsageException("--city: " + why);
    }
}
