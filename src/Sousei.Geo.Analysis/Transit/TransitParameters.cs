using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>
/// What every routing analysis shares: the service day (default: the busiest weekday of the feeds), the
/// departure window (every minute, end exclusive), walking speed and radii, and the rides per journey.
/// Defaults are <see cref="TransitOptions"/>'s (07:00–09:00, 80 m/min, 800 m access, 300 m transfer, 5 rides).
/// </summary>
public sealed record TransitParameters
{
    private static readonly TransitOptions Defaults = new();

    /// <summary>Null: the busiest weekday (<see cref="City.DefaultServiceDate"/>).</summary>
    public DateOnly? Date { get; init; }

    public int WindowStartSeconds { get; init; } = Defaults.WindowStartSeconds;

    public int WindowEndSeconds { get; init; } = Defaults.WindowEndSeconds;

    public double WalkSpeedMetersPerSecond { get; init; } = Defaults.WalkSpeedMetersPerSecond;

    public double AccessRadiusMeters { get; init; } = Defaults.AccessRadiusMeters;

    public double TransferRadiusMeters { get; init; } = Defaults.TransferRadiusMeters;

    public int MaxRides { get; init; } = Defaults.MaxRides;

    /// <summary>Scenarios applied in order to the timetables (docs/scenarios.md); empty: the timetables as published.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>The <c>scenario</c> parameter alone (analyses that do not route).</summary>
    public static ParameterSpec ScenarioSpec { get; } = new("scenario", "NAME", "apply a scenario to the timetables (docs/scenarios.md): a file (command line, repeatable) or a name of the store's scenarios/ folder; several comma separated, applied in order");

    /// <summary>Reads the <c>scenario</c> parameter: references, comma separated.</summary>
    public static IReadOnlyList<string> ParseScenarios(Parameters p) =>
        p.Text("scenario")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The values that decide a routing result (for memo keys): everything but the day.</summary>
    internal string Key => string.Join("|", WindowStartSeconds, WindowEndSeconds, WalkSpeedMetersPerSecond.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        AccessRadiusMeters.ToString("R", System.Globalization.CultureInfo.InvariantCulture), TransferRadiusMeters.ToString("R", System.Globalization.CultureInfo.InvariantCulture), MaxRides, string.Join(",", Scenarios));

    /// <summary>The service-day parameter alone (analyses that do not route).</summary>
    public static ParameterSpec DateSpec { get; } = new("date", "YYYY-MM-DD", "service day; only trips running that day are used (default: the weekday on which the most feeds run, then the most trips)");

    /// <summary>The parameters, in help order.</summary>
    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        DateSpec,
        ScenarioSpec,
        new("window", "HH:MM-HH:MM", "departures every minute, end exclusive (default 07:00-09:00)"),
        new("walk_speed", "M_PER_S", "walking speed, metres per second (default 1.333 = 80 m/min)"),
        new("access_radius", "M", "metres walked to the first stop / from the last stop (default 800)"),
        new("transfer_radius", "M", "metres walked between two rides (default 300)"),
        new("max_rides", "N", "vehicles per journey (default 5)"),
    ];

    public static TransitParameters Parse(Parameters p)
    {
        var window = p.Window("window");
        return new TransitParameters
        {
            Date = p.Date("date"),
            WindowStartSeconds = window?.StartSeconds ?? Defaults.WindowStartSeconds,
            WindowEndSeconds = window?.EndSeconds ?? Defaults.WindowEndSeconds,
            WalkSpeedMetersPerSecond = p.Number("walk_speed") ?? Defaults.WalkSpeedMetersPerSecond,
            AccessRadiusMeters = p.Number("access_radius") ?? Defaults.AccessRadiusMeters,
            TransferRadiusMeters = p.Number("transfer_radius") ?? Defaults.TransferRadiusMeters,
            MaxRides = p.Whole("max_rides") ?? Defaults.MaxRides,
            Scenarios = ParseScenarios(p),
        };
    }

    public void Validate(Parameters p)
    {
        p.Check(WindowStartSeconds >= 0 && WindowEndSeconds > WindowStartSeconds && WindowEndSeconds <= 48 * 3600, "window", "must end after it starts, within 00:00-48:00");
        p.Check(WalkSpeedMetersPerSecond is >= 0.1 and <= 10, "walk_speed", "must be a number from 0.1 to 10 metres per second");
        p.Check(AccessRadiusMeters is >= 0 and <= 10_000, "access_radius", "must be a number from 0 to 10000 metres");
        p.Check(TransferRadiusMeters is >= 0 and <= 10_000, "transfer_radius", "must be a number from 0 to 10000 metres");
        p.Check(MaxRides is >= 1 and <= 20, "max_rides", "must be a whole number from 1 to 20");
    }

    public TransitOptions ToOptions() => new()
    {
        WindowStartSeconds = WindowStartSeconds,
        WindowEndSeconds = WindowEndSeconds,
        WalkSpeedMetersPerSecond = WalkSpeedMetersPerSecond,
        AccessRadiusMeters = AccessRadiusMeters,
        TransferRadiusMeters = TransferRadiusMeters,
        MaxRides = MaxRides,
    };

    /// <summary>"07:00-09:00".</summary>
    public string WindowText => $"{TransitOptions.FormatClock(WindowStartSeconds)}-{TransitOptions.FormatClock(WindowEndSeconds)}";
}
