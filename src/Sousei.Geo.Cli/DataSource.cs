using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.Cli;

/// <summary>Where a command's data comes from: <c>--data DIR</c> (file store) today; the CRS from <c>--crs</c>.</summary>
internal sealed record DataSource(CityDataset Dataset, PlaneProjection Projection, IReadOnlyList<string> Notes, IReadOnlyList<string> GtfsFeeds, string Description)
{
    /// <summary>Reads <c>--data</c>, <c>--crs</c> and <c>--repair</c> and loads the data.</summary>
    public static DataSource Load(CommandArgs args, CliConsole console)
    {
        var projection = ParseCrs(args);
        var repair = args.Flag("repair");
        var dir = args.String("data") ?? throw new UsageException("give the data with --data DIR (a file-store directory such as geodata/kumamoto)");
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
}
