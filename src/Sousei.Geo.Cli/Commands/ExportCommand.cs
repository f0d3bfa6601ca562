using Sousei.Geo.PostGis.Export;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei export</c>: writes one city from PostGIS back to a file-store directory.</summary>
internal sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "write a city from PostGIS back to a file-store directory (export vacant: vacant houses as GeoJSON)";

    public string Usage => """
        sousei export --db CONN --city CODE --out DIR [--include-restricted]
          --include-restricted  also write vacant-house owner names and contacts (personal data; for backups only)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "include-restricted" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}'; `sousei export vacant` exports vacant houses");
        }

        var city = CliSource.ParseCity(args);
        var output = args.Required("out");
        var restricted = args.Flag("include-restricted");
        using var db = CliSource.OpenDatabase(args);
        args.RejectUnknown();
        console.Progress($"exporting city {city} from {db.Description}");
        var report = PostGisExporter.Export(db, city, output, restricted);
        foreach (var (file, features) in report.Files.Where(f => !f.File.StartsWith("gtfs/", StringComparison.Ordinal)))
        {
            console.Out.WriteLine($"{file}: {features:N0} features");
        }

        var gtfs = report.Files.Count(f => f.File.StartsWith("gtfs/", StringComparison.Ordinal));
        if (gtfs > 0)
        {
            console.Out.WriteLine($"gtfs/: {gtfs} files");
        }

        console.Out.WriteLine($"exported city {city} to {output}");
        return CommandRunner.Ok;
    }
}
