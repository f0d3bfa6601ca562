namespace Sousei.Geo.Core.Scenarios;

/// <summary>
/// A "what if" on the timetables (docs/scenarios.md): modifications applied in order to the GTFS feeds before the
/// network of a service day is built, after Conveyal R5's AddTrips, RemoveTrips, AdjustFrequency and AdjustSpeed.
/// Immutable.
/// </summary>
public sealed record TransitScenario(string Name, string? Description, IReadOnlyList<ScenarioModification> Modifications);

/// <summary>One modification; <see cref="Id"/> names it in problems and output.</summary>
public abstract record ScenarioModification(string Id);

/// <summary>The mode of an added line: rail and tram stops count as rail (800 m) for the MLIT coverage.</summary>
public enum LineMode
{
    Rail,
    Tram,
    Bus,
}

/// <summary>A stop of an added line: an existing stop (<see cref="StopId"/>, namespaced <c>feed:stop_id</c>) or a new one at a place.</summary>
public sealed record ScenarioStop(string? StopId, string? Name, double? Longitude, double? Latitude)
{
    public bool IsExisting => StopId is not null;
}

/// <summary>A service window of an added line: departures at <see cref="FromSeconds"/>, then every headway while earlier than <see cref="ToSeconds"/>.</summary>
public sealed record ServiceWindow(int FromSeconds, int ToSeconds, double HeadwayMinutes);

/// <summary>The days a line runs: every day, weekdays, weekends, or the listed dates.</summary>
public sealed record ScenarioDays(int DayMask, IReadOnlyList<DateOnly> Dates)
{
    public static ScenarioDays All { get; } = new(0b1111111, []);

    public static ScenarioDays Weekdays { get; } = new(0b0011111, []);

    public static ScenarioDays Weekends { get; } = new(0b1100000, []);

    public static ScenarioDays On(IReadOnlyList<DateOnly> dates) => new(0, dates);
}

/// <summary>
/// A new line (GTFS <c>frequencies.txt</c> with <c>exact_times=1</c>): for each window, departures at its start and
/// every headway while earlier than its end; arrival at stop k = departure + the minutes before it + the dwells at the
/// stops between. <see cref="Bidirectional"/> runs the reversed stop list with the reversed minutes on the same windows.
/// </summary>
public sealed record AddLine(
    string Id,
    string Name,
    LineMode Mode,
    IReadOnlyList<ScenarioStop> Stops,
    IReadOnlyList<double> MinutesBetweenStops,
    double DwellMinutes,
    bool Bidirectional,
    ScenarioDays Days,
    IReadOnlyList<ServiceWindow> Service) : ScenarioModification(Id);

/// <summary>Removes every trip of the routes (<c>feed:route_id</c>).</summary>
public sealed record RemoveRoutes(string Id, IReadOnlyList<string> Routes) : ScenarioModification(Id);

/// <summary>
/// Replaces the routes' departures whose first call falls in [from, to) by departures every headway from
/// <c>from</c>, per direction and stop pattern, with the stop pattern and running times of the first trip of the window.
/// </summary>
public sealed record AdjustHeadway(string Id, IReadOnlyList<string> Routes, int FromSeconds, int ToSeconds, double HeadwayMinutes) : ScenarioModification(Id);

/// <summary>Divides the routes' running and dwell times by <see cref="Factor"/> (1.25 = 25 % faster), from each trip's first departure.</summary>
public sealed record AdjustSpeed(string Id, IReadOnlyList<string> Routes, double Factor) : ScenarioModification(Id);
