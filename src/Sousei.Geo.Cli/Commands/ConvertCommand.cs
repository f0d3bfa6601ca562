using System.Globalization;
using Sousei.Geo.IO.Layers;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei convert</c>: one layer file from GeoJSON to GeoParquet or back (<see cref="LayerConverter"/>), written all or
/// nothing (<see cref="OutputFile"/>). The formats follow from the file names.
/// </summary>
internal sealed class ConvertCommand : ICommand
{
    public string Name => "convert";

    public string Summary => "convert a layer file between GeoJSON and GeoParquet, keeping every feature and property";

    public string Usage => """
        sousei convert --in FILE --out FILE
          --in FILE     the layer to read: .geojson, .geojson.gz, .json or .parquet (GeoParquet 1.x, WKB, longitude/latitude)
          --out FILE    the file to write, in the format its name gives: .parquet (GeoParquet 1.1) or .geojson / .geojson.gz
          Properties become typed GeoParquet columns (whole numbers INT64, numbers DOUBLE, booleans BOOLEAN, text STRING;
          nested GeoJSON values as their JSON text) and come back as the same values. A store reads households.parquet,
          town_blocks.parquet, buildings.parquet (any layer) in place of the GeoJSON file.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var input = args.Required("in");
        var output = args.Required("out");
        args.RejectUnknown();
        if (LayerConverter.FormatOf(input) is null)
        {
            throw new UsageException($"--in '{input}': the format is not known from the name; give a .geojson, .geojson.gz, .json or .parquet file");
        }

        if (LayerConverter.FormatOf(output) is not { } to)
        {
            throw new UsageException($"--out '{output}': the format is not known from the name; give a .parquet, .geojson or .geojson.gz file");
        }

        if (!File.Exists(input))
        {
            throw new UsageException(Directory.Exists(input) ? $"--in '{input}' is a directory; give a layer file" : $"--in '{input}' does not exist");
        }

        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new UsageException("--in and --out are the same file; write the converted layer to another name");
        }

        OutputFile.Check(output);
        var result = OutputFile.WriteFile(output, temp => LayerConverter.Convert(input, temp, to));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"converted {result.Features:N0} feature{(result.Features == 1 ? "" : "s")} with {result.Properties.Count} propert{(result.Properties.Count == 1 ? "y" : "ies")} from {LayerConverter.Name(result.From)} to {LayerConverter.Name(result.To)}: {output}"));
        return CommandRunner.Ok;
    }
}
