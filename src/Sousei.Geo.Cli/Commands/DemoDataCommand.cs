using System.Globalization;
using Sousei.Geo.Demo;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei demo-data</c>: writes the seeded synthetic Kumamoto file store (see geodata/README.md).</summary>
internal sealed class DemoDataCommand : ICommand
{
    public string Name => "demo-data";

    public string Summary => "write the synthetic Kumamoto demo file store (seeded, deterministic)";

    public string Usage => """
        sousei demo-data --out DIR [--seed 1] [--scale 1.0]
          --out DIR     directory to write (layer files of the same names are replaced)
          --seed N      random seed; the same seed gives the same bytes (default 1)
          --scale F     multiplies residents and buildings, 0.001 to 10 (default 1 = about 740,000 residents)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public int Run(CommandArgs args, CliConsole console)
    {
        var inv = CultureInfo.InvariantCulture;
        var output = args.Required("out");
        var seed = args.Int("seed") ?? 1;
        var scale = args.Double("scale", 1.0, 0.001, 10);
        args.RejectUnknown();

        if (File.Exists(output))
        {
            throw new UsageException($"--out '{output}' is a file; give a directory");
        }

        DemoDataSummary summary;
        try
        {
            summary = new DemoDataGenerator(new DemoDataOptions(output, seed, scale)).Generate(new Progress(console));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{output}': cannot write the demo data: {e.Message}");
        }

        var o = console.Out;
        o.WriteLine($"wrote {output} (seed {seed}, scale {scale.ToString("0.####", inv)}) — SYNTHETIC data");
        o.WriteLine($"居住誘導区域 {summary.InducementAreaHectares.ToString("N1", inv)} ha; {summary.TownBlocks.ToString("N0", inv)} town blocks; {summary.Buildings.ToString("N0", inv)} buildings; {summary.VacantHouses.ToString("N0", inv)} vacant houses; GTFS {summary.Stops} stops, {summary.Trips.ToString("N0", inv)} trips");
        foreach (var y in summary.Years)
        {
            o.WriteLine($"{y.Year}: {y.Households.ToString("N0", inv)} households, {y.Persons.ToString("N0", inv)} persons, {y.PersonsInsideInducementArea.ToString("N0", inv)} inside the area = {y.InsideDensityPerHectare.ToString("F2", inv)} persons/ha");
        }

        var total = 0L;
        foreach (var (path, bytes) in summary.Files)
        {
            o.WriteLine($"  {path,-36} {bytes.ToString("N0", inv),12} B");
            total += bytes;
        }

        o.WriteLine($"  {"total",-36} {total.ToString("N0", inv),12} B");
        return CommandRunner.Ok;
    }

    /// <summary>Forwards the generator's stages to the console synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(CliConsole console) : IProgress<string>
    {
        public void Report(string value) => console.Progress(value);
    }
}
