using System.Globalization;
using Sousei.Geo.Service.Export;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Vacant;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei export vacant</c>: vacant houses as one RFC 7946 GeoJSON file, streamed with constant memory; the
/// same bytes as the API's <c>/api/export/vacant_houses.geojson</c>. Restricted owner fields are never written.
/// </summary>
internal static class ExportVacant
{
    public const string Usage = """
        sousei export vacant --data DIR | --db CONN --city CODE --out FILE.geojson
                     [--inside true|false] [--zone ID] [--max-hub-distance-m M] [--max-frequent-stop-distance-m M]
                     [--decay-rank low,medium,high] [--vacancy-likelihood low,medium,high] [--status vacant,listed,...]
                     [--date YYYY-MM-DD] [--crs EPSG:6670]
          writes id, public attributes and inside_inducement_area, zone, nearest_hub, distance_to_nearest_hub_m,
          distance_to_frequent_stop_m (EPSG plane metres; null without GTFS). Owner fields are never exported.
        """;

    public static int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("export vacant takes no further positional arguments");
        }

        if (args.Flag("include-restricted"))
        {
            throw new UsageException("export vacant never writes owner fields; --include-restricted is for the PostGIS backup export only");
        }

        var output = args.Required("out");
        OutputFile.Check(output);
        var raw = VacantFilter.ParameterNames.ToDictionary(n => n, n => args.String(n.Replace('_', '-')));
        var data = ServiceData.Load(args, console);
        args.RejectUnknown();
        VacantFilter filter;
        try
        {
            filter = VacantFilter.Parse(n => raw[n], data);
        }
        catch (BadParameterException e)
        {
            throw new UsageException($"--{e.Parameter.Replace('_', '-')}: {e.Message}");
        }

        var count = OutputFile.Write(output, stream => VacantHouseExporter.WriteAsync(stream, data, filter, includeRestricted: false).GetAwaiter().GetResult());
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count:N0} of {data.VacantHouses.Count:N0} vacant houses to {output}"));
        return CommandRunner.Ok;
    }
}
