using System.Globalization;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Export;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.IO.GeoPackage;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei export layers</c>: the planner's layers (<see cref="LayersExportUseCase"/>) as one GeoPackage that QGIS
/// opens directly, written all or nothing (<see cref="OutputFile"/>). No owner fields are ever written.
/// </summary>
internal sealed class ExportLayers : ICommand
{
    private static LayersExportUseCase Analysis => LayersExportUseCase.Instance;

    public string Name => "export layers";

    public string Summary => "the planner's layers (density, zones, units, hubs, stops, catchments, vacant houses) as one GeoPackage for QGIS";

    public string Usage => "sousei export layers --data DIR | --db CONN --city CODE --format gpkg --out FILE.gpkg [options]\n"
        + "  --format gpkg     the file format (GeoPackage 1.3; the default and the only one)\n"
        + string.Concat(Analysis.Parameters.Select(p => $"  {ParameterSpec.CliName(p.Name) + (p.Value is null ? "" : " " + p.Value),-28} {p.Help}\n"))
        + "  layers: inducement_area, zones, population_units, hubs, stops, coverage_catchments, vacant_houses (public fields only),\n"
        + "  in the city's plane CRS (EPSG:6670 for Kumamoto); a layer the data lacks is left out and named.\n"
        + CliSource.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public IReadOnlySet<string> Repeatable { get; } = new HashSet<string> { "scenario" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var format = args.String("format") ?? "gpkg";
        if (format != "gpkg")
        {
            throw new UsageException($"--format: '{format}' is not a format of export layers; give gpkg (GeoPackage)");
        }

        var output = args.Required("out");
        OutputFile.Check(output);
        var request = Analysis.Parse(CliParameters.Of(args, Analysis.Parameters));
        var source = CliSource.Open(args, console);
        args.RejectUnknown();
        var city = Analysis.Open(source, request);
        AnalysisCommand<LayersExportRequest, LayersExportResult>.RegisterScenarioFiles(args, city);

        var result = Analysis.Run(city, request);
        OutputFile.WriteFile(output, temp =>
        {
            GeoPackageLayerWriter.Write(temp, result.Layers, result.Crs);
            return 0;
        });
        foreach (var layer in result.Layers)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{layer.Name}: {layer.Features.Count:N0} feature{(layer.Features.Count == 1 ? "" : "s")} ({layer.GeometryType})"));
        }

        foreach (var skipped in result.Skipped)
        {
            console.Out.WriteLine($"{skipped.Name}: skipped, {skipped.Reason}");
        }

        console.Out.WriteLine($"wrote {result.Layers.Count} layers to {output} (EPSG:{result.Crs.Epsg})");
        return CommandRunner.Ok;
    }
}
