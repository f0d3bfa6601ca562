using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>sousei coverage</c>: departures per stop, the MLIT public-transport walkable area over households, and
/// household accessibility to the central hub per zone.
/// </summary>
internal sealed class CoverageCommand : ICommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Name => "coverage";

    public string Summary => "stop frequency, public-transport walkable area (MLIT) and accessibility to the central hub";

    public string Usage => """
        sousei coverage --data DIR | --db CONN --city CODE --date YYYY-MM-DD [--rail-radius 800] [--bus-radius 300]
                        [--min-departures 30] [--window HH:MM-HH:MM] [--walk-speed M_PER_S] [--access-radius M]
                        [--transfer-radius M] [--max-rides N] [--format text|json] [--crs EPSG:6670]
          --rail-radius     catchment of rail and tram stops, metres (MLIT: 800)
          --bus-radius      catchment of frequent bus stops, metres (MLIT: 300)
          --min-departures  departures a day in one direction that make a bus stop frequent (MLIT: 30)
        """ + "\n" + TransitArgs.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var date = TransitArgs.Date(args);
        var options = TransitArgs.Options(args);
        var coverageOptions = new CoverageOptions
        {
            RailRadiusMeters = args.Double("rail-radius", 800, 0, 10_000),
            BusRadiusMeters = args.Double("bus-radius", 300, 0, 10_000),
            MinBusDeparturesPerDay = args.Int("min-departures", 0, 100_000) ?? 30,
        };
        var format = args.Choice("format", "text", ("text", "text"), ("json", "json"));
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var data = source.Dataset;
        if (data.Households.Count == 0)
        {
            throw new UsageException("coverage needs households (households.geojson) to count residents");
        }

        var year = data.Households.Max(h => h.Year);
        var households = data.Households.Where(h => h.Year == year).ToList();
        var network = TransitArgs.Network(source, date, console);
        var frequency = StopFrequency.Compute(network);
        console.Progress("public-transport walkable area");
        var coverage = TransitCoverage.Compute(network, households, data.InducementArea.IsEmpty ? null : data.InducementArea, coverageOptions);
        var central = data.Hubs.FirstOrDefault(h => h.Kind == "central");
        CentreAccessibilityResult? access = null;
        if (central is not null)
        {
            console.Progress("accessibility to the central hub");
            access = CentreAccessibility.Compute(network, central, households, data.Zones, options);
        }

        console.Out.WriteLine(format == "json" ? Json(date, year, options, frequency, coverage, access) : Text(date, year, options, frequency, coverage, access));
        return CommandRunner.Ok;
    }

    private static string Json(DateOnly date, int year, TransitOptions options, IReadOnlyList<StopDepartures> frequency, CoverageResult c, CentreAccessibilityResult? a) => DensityOutput.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("date", date.ToString("yyyy-MM-dd", Inv));
        w.WriteNumber("household_year", year);
        w.WriteStartObject("coverage");
        w.WriteNumber("persons", c.Persons);
        w.WriteNumber("covered_persons", c.CoveredPersons);
        w.WriteNumber("share_of_city", Math.Round(c.ShareOfCity, 4));
        w.WriteNumber("inducement_persons", c.InducementPersons);
        w.WriteNumber("covered_inducement_persons", c.CoveredInducementPersons);
        if (c.ShareOfInducementArea is { } s)
        {
            w.WriteNumber("share_of_inducement_area", Math.Round(s, 4));
        }
        else
        {
            w.WriteNull("share_of_inducement_area");
        }

        w.WriteNumber("rail_stops", c.RailStops);
        w.WriteNumber("frequent_bus_stops", c.QualifyingBusStops);
        w.WriteEndObject();
        if (a is not null)
        {
            w.WriteStartObject("accessibility_to_central");
            w.WriteString("hub", a.CentralHubId);
            w.WriteString("window", $"{TransitOptions.FormatClock(options.WindowStartSeconds)}-{TransitOptions.FormatClock(options.WindowEndSeconds)}");
            w.WriteStartArray("zones");
            foreach (var z in new[] { a.All }.Concat(a.Zones))
            {
                w.WriteStartObject();
                w.WriteString("id", z.ZoneId);
                w.WriteString("name", z.ZoneName);
                w.WriteNumber("persons", z.Persons);
                w.WriteNumber("share_within_30", Math.Round(z.ShareWithin30, 4));
                w.WriteNumber("share_within_45", Math.Round(z.ShareWithin45, 4));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("stops");
        foreach (var f in frequency)
        {
            w.WriteStartObject();
            w.WriteString("stop_id", f.StopId);
            w.WriteString("name", f.StopName);
            if (f.DirectionId >= 0)
            {
                w.WriteNumber("direction_id", f.DirectionId);
            }
            else
            {
                w.WriteNull("direction_id");
            }

            w.WriteString("mode", f.IsRail ? "rail" : "bus");
            w.WriteNumber("departures_per_day", f.DeparturesPerDay);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Text(DateOnly date, int year, TransitOptions options, IReadOnlyList<StopDepartures> frequency, CoverageResult c, CentreAccessibilityResult? a)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Public transport coverage — {date:yyyy-MM-dd}, households {year}");
        sb.AppendLine($"walkable area (rail/tram {c.RailStops} stops, frequent bus {c.QualifyingBusStops} stops): {c.CoveredPersons.ToString("N0", Inv)} of {c.Persons.ToString("N0", Inv)} persons ({c.ShareOfCity.ToString("P1", Inv)})");
        if (c.ShareOfInducementArea is { } s)
        {
            sb.AppendLine($"inside the 居住誘導区域: {c.CoveredInducementPersons.ToString("N0", Inv)} of {c.InducementPersons.ToString("N0", Inv)} persons ({s.ToString("P1", Inv)})");
        }

        if (a is not null)
        {
            sb.AppendLine();
            sb.AppendLine($"Accessibility to {a.CentralHubId} (median over {TransitOptions.FormatClock(options.WindowStartSeconds)}-{TransitOptions.FormatClock(options.WindowEndSeconds)}):");
            sb.AppendLine("  zone                        persons   ≤30 min   ≤45 min");
            foreach (var z in new[] { a.All }.Concat(a.Zones))
            {
                sb.AppendLine($"  {z.ZoneName,-24} {z.Persons.ToString("N0", Inv),10} {z.ShareWithin30.ToString("P1", Inv),9} {z.ShareWithin45.ToString("P1", Inv),9}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Busiest stops (departures per day, one direction):");
        foreach (var f in frequency.OrderByDescending(f => f.DeparturesPerDay).Take(10))
        {
            sb.AppendLine($"  {f.StopName} ({f.StopId}{(f.DirectionId >= 0 ? $", direction {f.DirectionId}" : "")}): {f.DeparturesPerDay}");
        }

        return sb.ToString().TrimEnd();
    }
}
