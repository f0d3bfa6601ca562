using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei report</c>: every analysis the data supports, summarised on one screen.</summary>
internal sealed class ReportCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "report";

    public string Summary => "one-screen report: density by every method and zone, trend, hub connectivity, vacant houses";

    public string Usage => """
        sousei report --data DIR [--target 60.7] [--date YYYY-MM-DD] [--crs EPSG:6670] [--repair]
          --date   service day for hub connectivity (default: the weekday on which the most feeds run, then the most trips)
        Details: sousei density, sousei trend, sousei hubs, sousei vacant rank, sousei whatif.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var target = args.Double("target", DensityCalculator.DefaultTargetPerHectare, 0.0001, 100_000);
        DateOnly? date = args.Has("date") ? TransitArgs.Date(args) : null;
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var data = source.Dataset;
        var study = new StudyArea(data.InducementArea, data.Zones, source.Projection);
        var o = console.Out;
        o.WriteLine($"Sousei.Geo report — {source.Description}");
        o.WriteLine($"居住誘導区域 {study.Area.AreaHectares.ToString("N1", Inv)} ha (areas in EPSG:{source.Projection.Epsg}); target {target.ToString("0.0##", Inv)} persons/ha");
        o.WriteLine($"data: {data.Households.Count:N0} households, {data.TownBlocks.Count:N0} population units, {data.Buildings.Count:N0} buildings, {data.Zones.Count} zones, {data.Hubs.Count} hubs, {data.VacantHouses.Count:N0} vacant houses, {source.GtfsFeeds.Count} GTFS feed(s)");
        o.WriteLine();

        var methods = DensityAnalysis.AvailableMethods(data);
        if (methods.Count == 0)
        {
            o.WriteLine("Density: no population layer (households, town_blocks or mesh_population_<year>.csv).");
        }
        else
        {
            WriteDensity(o, study, data, methods, target, console);
        }

        WriteTrend(o, study, data, target, console);
        if (source.GtfsFeeds.Count > 0 && data.Hubs.Any(h => h.Kind == "central") && data.Hubs.Count >= 2)
        {
            WriteHubs(o, source, data, date, console);
        }
        else if (source.GtfsFeeds.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Hub connectivity: not computed; it needs a hub of kind 'central' and at least one other hub in hubs.geojson (the data has {data.Hubs.Count} hub(s), {data.Hubs.Count(h => h.Kind == "central")} central).");
        }

        if (data.VacantHouses.Count > 0)
        {
            var inside = data.VacantHouses.Count(v => study.Area.Covers(v.Geometry.InteriorPoint.X, v.Geometry.InteriorPoint.Y));
            o.WriteLine();
            o.WriteLine($"Vacant houses: {data.VacantHouses.Count:N0} surveyed, {inside:N0} inside the 居住誘導区域 (sousei vacant rank, sousei whatif).");
        }

        foreach (var note in source.Notes)
        {
            o.WriteLine("note: " + note);
        }

        return CommandRunner.Ok;
    }

    private static void WriteDensity(TextWriter o, StudyArea study, Core.Model.CityDataset data, IReadOnlyList<DensityMethod> methods, double target, CliConsole console)
    {
        var results = new List<DensityResult>();
        foreach (var method in methods)
        {
            console.Progress($"density by {DensityOutput.MethodName(method)}");
            results.Add(DensityCalculator.Compute(study, data, method, DensityAnalysis.Years(data, method)[^1], target));
        }

        o.WriteLine("Density of the 居住誘導区域 (latest year of each method)");
        o.WriteLine("  method        year   population   persons/ha        gap  verdict");
        foreach (var r in results)
        {
            var t = r.Total;
            o.WriteLine($"  {DensityOutput.MethodName(r.Method),-12}{r.Year,6}{t.Population.ToString("N0", Inv),13}{(t.DensityPerHectare?.ToString("F2", Inv) ?? "—"),13}{t.GapPersons.ToString("N0", Inv),11}  {(t.MeetsTarget ? "meets" : "BELOW")}");
        }

        if (study.Zones.Count == 0)
        {
            return;
        }

        o.WriteLine();
        var nameWidth = Math.Max(14, study.Zones.Max(z => TerminalText.Width(z.Name)) + 2);
        var header = new StringBuilder(TerminalText.PadRight("  zone (persons/ha; * below)", nameWidth + 10));
        foreach (var r in results)
        {
            header.Append(DensityOutput.MethodName(r.Method).PadLeft(12));
        }

        o.WriteLine(header.Append($"   gap ({DensityOutput.MethodName(results[0].Method)})").ToString());
        for (var z = 0; z < study.Zones.Count; z++)
        {
            var line = new StringBuilder("  ").Append(TerminalText.PadRight(study.Zones[z].Name, nameWidth)).Append(study.Zones[z].AreaHectares.ToString("N0", Inv).PadLeft(6)).Append(" ha");
            foreach (var r in results)
            {
                var d = r.Zones[z];
                line.Append(((d.DensityPerHectare?.ToString("F1", Inv) ?? "—") + (d.AreaHectares > 0 && !d.MeetsTarget ? "*" : " ")).PadLeft(12));
            }

            o.WriteLine(line.Append(results[0].Zones[z].GapPersons.ToString("N0", Inv).PadLeft(12)).ToString());
        }
    }

    private static void WriteTrend(TextWriter o, StudyArea study, Core.Model.CityDataset data, double target, CliConsole console)
    {
        console.Progress("trend");
        if (TrendCommand.ForReport(study, data, target) is not { } projection)
        {
            return;
        }

        o.WriteLine();
        var t = projection.Total;
        o.WriteLine($"Trend ({DensityOutput.MethodName(projection.Method)} {projection.FirstYear}→{projection.LastYear}, compound annual growth, area constant): whole area {TrendCommand.Verdict(t, projection.HorizonYear)}");
        var below = projection.Zones.Where(z => z.Status != TrendStatus.Meets).Select(z => $"{z.Name} {TrendCommand.Verdict(z, projection.HorizonYear)}").ToList();
        if (below.Count > 0)
        {
            o.WriteLine("  zones below the target: " + string.Join("; ", below));
        }
    }

    private static void WriteHubs(TextWriter o, DataSource source, Core.Model.CityDataset data, DateOnly? date, CliConsole console)
    {
        console.Progress("hub connectivity");
        TransitNetwork network;
        DateOnly day;
        if (date is { } asked)
        {
            // An asked day is validated while reading (a feed with no service that day is a problem).
            day = asked;
            network = TransitArgs.Network(source, day, console);
        }
        else
        {
            // Read the feeds once: the busiest weekday is chosen among days with service, so no further check is needed.
            console.Progress($"reading {source.GtfsFeeds.Count} GTFS feed(s)");
            var read = GtfsReader.ReadFeeds(source.GtfsFeeds, null);
            read.ThrowIfProblems();
            day = GtfsServiceDays.BusiestWeekday(read.Feeds);
            network = TransitNetwork.Build(read.Feeds, day, source.Projection);
        }

        var result = HubConnectivity.Compute(network, data.Hubs, new TransitOptions());
        o.WriteLine();
        o.WriteLine($"Hub connectivity {day:yyyy-MM-dd} {result.Window} (median minutes to 中心市街地; sousei hubs for the matrix)");
        var hubs = result.Hubs.Where(h => h.Id != data.Hubs.First(x => x.Kind == "central").Id).ToList();
        var width = Math.Max(12, hubs.Max(h => TerminalText.Width(h.Name)) + 1);
        for (var i = 0; i < hubs.Count; i += 3)
        {
            var line = new StringBuilder();
            foreach (var h in hubs.Skip(i).Take(3))
            {
                line.Append("  ").Append(TerminalText.PadRight(h.Name, width)).Append(TransitArgs.Minutes(h.MinutesToCentral).PadLeft(6));
            }

            o.WriteLine(line.ToString());
        }

        var slowest = result.Pairs.OrderByDescending(p => p.MedianMinutes ?? double.PositiveInfinity).First();
        var names = result.Hubs.ToDictionary(h => h.Id, h => h.Name);
        o.WriteLine($"  slowest link: {names[slowest.From]} → {names[slowest.To]} {TransitArgs.Minutes(slowest.MedianMinutes)} min; {result.Pairs.Count(p => p.MedianMinutes is null or > 60)} of {result.Pairs.Count} hub pairs take over 60 min at the median");
    }
}
