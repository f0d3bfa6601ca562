using System.Globalization;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Cli.Commands;

/// <summary>Options shared by the transit commands (hubs, coverage, isochrone) and loading the day's network.</summary>
internal static class TransitArgs
{
    public const string Usage = """
          --date            service day YYYY-MM-DD (required); only trips running that day are used
          --window          departures every minute, HH:MM-HH:MM, end exclusive (default 07:00-09:00)
          --walk-speed      metres per second (default 1.333 = 80 m/min)
          --access-radius   metres walked to the first stop / from the last stop (default 800)
          --transfer-radius metres walked between two rides (default 300)
          --max-rides       vehicles per journey (default 5)
        """;

    public static DateOnly Date(CommandArgs args)
    {
        var text = args.Required("date");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--date '{text}' must be YYYY-MM-DD");
    }

    public static TransitOptions Options(CommandArgs args)
    {
        var defaults = new TransitOptions();
        var (start, end) = (defaults.WindowStartSeconds, defaults.WindowEndSeconds);
        if (args.String("window") is { } window)
        {
            var parts = window.Split('-');
            if (parts.Length != 2 || !Clock(parts[0], out start) || !Clock(parts[1], out end) || end <= start)
            {
                throw new UsageException($"--window '{window}' must be HH:MM-HH:MM with the end after the start (e.g. 07:00-09:00)");
            }
        }

        return new TransitOptions
        {
            WindowStartSeconds = start,
            WindowEndSeconds = end,
            WalkSpeedMetersPerSecond = args.Double("walk-speed", defaults.WalkSpeedMetersPerSecond, 0.1, 10),
            AccessRadiusMeters = args.Double("access-radius", defaults.AccessRadiusMeters, 0, 10_000),
            TransferRadiusMeters = args.Double("transfer-radius", defaults.TransferRadiusMeters, 0, 10_000),
            MaxRides = args.Int("max-rides", 1, 20) ?? defaults.MaxRides,
        };
    }

    private static bool Clock(string text, out int seconds)
    {
        seconds = 0;
        var p = text.Trim().Split(':');
        if (p.Length != 2 || !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || !int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || h > 47 || m > 59)
        {
            return false;
        }

        seconds = h * 3600 + m * 60;
        return true;
    }

    /// <summary>Reads the data's GTFS feeds for <paramref name="date"/> (any problem fails the command) and builds the network.</summary>
    public static TransitNetwork Network(DataSource source, DateOnly date, CliConsole console)
    {
        if (source.GtfsFeeds.Count == 0)
        {
            throw new UsageException($"the data ({source.Description}) holds no GTFS feed: put one or more feeds (.zip or folders) in its gtfs/ directory");
        }

        console.Progress($"reading {source.GtfsFeeds.Count} GTFS feed(s)");
        var read = GtfsReader.ReadFeeds(source.GtfsFeeds, date);
        read.ThrowIfProblems();
        console.Progress("building the transit network");
        return TransitNetwork.Build(read.Feeds, date, source.Projection);
    }

    public static string Minutes(double? minutes) => minutes is { } m ? m.ToString("F1", CultureInfo.InvariantCulture) : "—";

    public static double? Round(double? value, int digits = 1) => value is { } v ? Math.Round(v, digits) : null;
}
