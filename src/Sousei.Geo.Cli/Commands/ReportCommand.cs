using System.Globalization;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei report</c>: every analysis the data supports, on one screen.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "one-screen report: density by every available method, trend, and more as the data allows";

    public string Usage => """
        sousei report --data DIR [--target 60.7] [--crs EPSG:6670] [--repair]
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var inv = CultureInfo.InvariantCulture;
        var target = args.Double("target", DensityCalculator.DefaultTargetPerHectare, 0.0001, 100_000);
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var data = source.Dataset;
        var study = new StudyArea(data.InducementArea, data.Zones, source.Projection);
        var o = console.Out;
        o.WriteLine($"Sousei.Geo report — {source.Description}");
        o.WriteLine($"居住誘導区域 {study.Area.AreaHectares.ToString("N1", inv)} ha (EPSG:{source.Projection.Epsg}); target {target.ToString("0.0##", inv)} persons/ha");
        o.WriteLine($"layers: {data.Households.Count:N0} households, {data.TownBlocks.Count:N0} population units, {data.Buildings.Count:N0} buildings, {data.Zones.Count} zones, {data.Hubs.Count} hubs, {data.VacantHouses.Count:N0} vacant houses, {source.GtfsFeeds.Count} GTFS feeds");
        o.WriteLine();

        var methods = DensityAnalysis.AvailableMethods(data);
        if (methods.Count == 0)
        {
            o.WriteLine("Density: no population layer (households, town_blocks or mesh_population_<year>.csv).");
        }

        foreach (var method in methods)
        {
            console.Progress($"density by {DensityOutput.MethodName(method)}");
            var year = DensityAnalysis.Years(data, method)[^1];
            var result = DensityCalculator.Compute(study, data, method, year, target);
            o.WriteLine($"== Density by {DensityOutput.MethodName(method)}, {year} ==");
            o.WriteLine(DensityOutput.Verdict(result.Total));
            o.WriteLine(DensityOutput.Table([result.Total, .. result.Zones]));
            o.WriteLine();
        }

        foreach (var method in methods)
        {
            var trend = DensityAnalysis.Trend(study, data, method, target);
            if (trend.Count > 1)
            {
                o.WriteLine($"Trend ({DensityOutput.MethodName(method)}): " + string.Join("  →  ", trend.Select(r => $"{r.Year}: {r.Total.DensityPerHectare?.ToString("F2", inv) ?? "—"}/ha")));
            }
        }

        if (TrendCommand.ForReport(study, data, target) is { } projection)
        {
            o.WriteLine();
            o.WriteLine($"== Projection ({DensityOutput.MethodName(projection.Method)}, compound annual growth {projection.FirstYear}→{projection.LastYear}, area constant; see sousei trend) ==");
            foreach (var p in new[] { projection.Total }.Concat(projection.Zones))
            {
                o.WriteLine($"{p.Name}: {TrendCommand.Verdict(p, projection.HorizonYear)}");
            }
        }

        foreach (var note in source.Notes)
        {
            o.WriteLine("note: " + note);
        }

        return CommandRunner.Ok;
    }
}
