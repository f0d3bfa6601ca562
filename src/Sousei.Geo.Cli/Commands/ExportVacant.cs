using System.Globalization;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Vacant;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei export vacant</c>: vacant houses as one RFC 7946 GeoJSON file, streamed with constant memory; the
/// same bytes as the API's <c>/api/export/vacant_houses.geojson</c> (<see cref="VacantExportUseCase"/>).
/// Restricted owner fields are never written.
/// </summary>
internal sealed class ExportVacant : ICommand
{
    private static VacantExportUseCase Analysis => VacantExportUseCase.Instance;

    public string Name => "export vacant";

    public string Summary => "vacant houses as RFC 7946 GeoJSON without personal data (filter, bbox)";

    public string Usage => """
        sousei export vacant --data DIR | --db CONN --city CODE --out FILE.geojson [--filter EXPR] [--bbox minLon,minLat,maxLon,maxLat]
          --filter  the filter language of vacant rank, e.g. inside=true,decay_rank=low|medium,max_hub_distance_m=800
          --bbox    only houses whose point lies in this box (CRS84)
          writes id, public attributes and inside_inducement_area, zone, nearest_hub, distance_to_nearest_hub_m,
          distance_to_frequent_stop_m (EPSG plane metres; null without GTFS). Owner fields are never exported.
        """ + "\n" + CliSource.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair", "include-restricted" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        if (args.Flag("include-restricted"))
        {
            throw new UsageException("export vacant never writes owner fields; --include-restricted is for the PostGIS backup export only");
        }

        var output = args.Required("out");
        OutputFile.Check(output);
        var request = Analysis.Parse(CliParameters.Of(args, Analysis.Parameters));
        var source = CliSource.Open(args, console);
        args.RejectUnknown();
        var city = Analysis.Open(source, request);
        var result = Analysis.Run(city, request);
        var count = OutputFile.Write(output, stream => VacantHouseExporter.WriteAsync(stream, result.Houses, includeRestricted: false).GetAwaiter().GetResult());
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count:N0} of {result.Total:N0} vacant houses to {output}"));
        return CommandRunner.Ok;
    }
}
