using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Analysis;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei hubs</c>: hub-to-hub travel times by range-RAPTOR over the operators' timetables.</summary>
internal sealed class HubsCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "hubs";

    public string Summary => "connectivity of the central and regional hubs by public transport (GTFS, range-RAPTOR)";

    public string Usage => """
        sousei hubs --data DIR | --db CONN --city CODE --date YYYY-MM-DD [--window HH:MM-HH:MM]
                    [--walk-speed M_PER_S] [--access-radius M] [--transfer-radius M] [--max-rides N]
                    [--percentiles 10,50,90] [--format text|json] [--crs EPSG:6670]
        """ + "\n" + TransitArgs.Usage + """
          --percentiles     travel-time percentiles over the departures, nearest rank (default 10,50,90)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var date = TransitArgs.Date(args);
        var options = TransitArgs.Options(args);
        var percentiles = Percentiles(args.String("percentiles"));
        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"));
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var hubs = source.Dataset.Hubs;
        if (hubs.Count < 2)
        {
            throw new UsageException("the data needs at least two hubs (hubs.geojson with id, name, kind)");
        }

        var network = TransitArgs.Network(source, date, console);
        console.Progress($"routing {hubs.Count} × {hubs.Count} hubs over {options.DepartureSeconds().Length} departures");
        var result = HubConnectivity.Compute(network, hubs, options, percentiles);
        console.Out.WriteLine(format == "json" ? Json(result) : Text(result, hubs.Select(h => h.Id).ToList()));
        return CommandRunner.Ok;
    }

    internal static IReadOnlyList<int> Percentiles(string? text) => text is null ? HubConnectivity.DefaultPercentiles : WholeNumbers(text, "percentiles", 1, 100);

    /// <summary>Distinct whole numbers from <paramref name="min"/> to <paramref name="max"/>, comma separated, ascending; errors name <c>--option</c>.</summary>
    internal static IReadOnlyList<int> WholeNumbers(string text, string option, int min, int max)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, Inv, out var p) || p < min || p > max)
            {
                throw new UsageException($"--{option} '{text}' must be whole numbers from {min} to {max}, comma separated");
            }

            list.Add(p);
        }

        return list.Count > 0 ? list.Distinct().Order().ToList() : throw new UsageException($"--{option} is empty");
    }

    internal static string Json(HubConnectivityResult r) => DensityOutput.Json(w => HubConnectivityJson.Write(w, r));

    internal static string Text(HubConnectivityResult r, IReadOnlyList<string> ids)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Hub connectivity by public transport — {r.Date:yyyy-MM-dd}, departures every minute {r.Window} ({r.DepartureCount})");
        sb.AppendLine("median travel minutes, row = from, column = to (— = no journey at the median departure)");
        sb.AppendLine();
        var names = r.Hubs.ToDictionary(h => h.Id, h => h.Name);
        string Label(string id) => names.TryGetValue(id, out var n) && n != id ? $"{n} ({id})" : id;
        var rowLabels = ids.Select((id, i) => $"{i + 1,2} {(names.TryGetValue(id, out var n) ? n : id)}").ToList();
        var width = rowLabels.Max(TerminalText.Width) + 1;
        const int cell = 6;
        var median = r.Pairs.ToDictionary(p => (p.From, p.To), p => p.MedianMinutes);
        sb.Append(TerminalText.PadRight("", width));
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append((i + 1).ToString(Inv).PadLeft(cell));
        }

        sb.AppendLine();
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append(TerminalText.PadRight(rowLabels[i], width));
            foreach (var to in ids)
            {
                sb.Append((ids[i] == to ? "·" : TransitArgs.Minutes(median.GetValueOrDefault((ids[i], to)))).PadLeft(cell));
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine("Slowest links (median):");
        foreach (var p in r.Pairs.OrderByDescending(p => p.MedianMinutes ?? double.PositiveInfinity).Take(5))
        {
            sb.AppendLine($"  {Label(p.From)} → {Label(p.To)}: {TransitArgs.Minutes(p.MedianMinutes)} min, {p.ShareWithin60.ToString("P0", Inv)} of departures within 60 min, {p.DirectTripsPerDay} direct trips/day");
        }

        sb.AppendLine();
        var hubWidth = Math.Max(8, r.Hubs.Max(h => TerminalText.Width(h.Name)) + 2);
        sb.AppendLine(TerminalText.PadRight("  hub", hubWidth + 2) + " stops  trips/day  routes  minutes to central");
        foreach (var h in r.Hubs)
        {
            sb.AppendLine("  " + TerminalText.PadRight(h.Name, hubWidth) + $"{h.StopCount,6} {h.TripsPerDay,10} {h.Routes,7}  {TransitArgs.Minutes(h.MinutesToCentral),8}");
        }

        return sb.ToString().TrimEnd();
    }
}
