namespace Sousei.Geo.Core.Transit;

/// <summary>
/// One parsed and validated GTFS / GTFS-JP feed. Every id (stop, route, trip, service) is prefixed
/// with <see cref="Name"/> and a colon, so several feeds can be combined without clashes. Built by
/// the IO layer; immutable once built.
/// </summary>
public sealed class GtfsFeed
{
    private Dictionary<string, GtfsServiceCalendar>? _calendarById;
    private Dictionary<(string, DateOnly), int>? _exceptions;

    /// <summary>The feed's name: the zip file or folder name without <c>.zip</c> / <c>.gtfs</c>.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<GtfsStop> Stops { get; init; } = [];

    public IReadOnlyList<GtfsRoute> Routes { get; init; } = [];

    public IReadOnlyList<GtfsTrip> Trips { get; init; } = [];

    public IReadOnlyList<GtfsServiceCalendar> Calendars { get; init; } = [];

    public IReadOnlyList<GtfsServiceException> CalendarDates { get; init; } = [];

    /// <summary>Rows of <c>transfers.txt</c>; read and reported only, since routing follows the walking rule.</summary>
    public int TransferCount { get; init; }

    /// <summary>
    /// True when <paramref name="serviceId"/> runs on <paramref name="date"/>: a calendar_dates
    /// exception decides when present, else the weekly calendar.
    /// </summary>
    public bool IsServiceActive(string serviceId, DateOnly date)
    {
        _exceptions ??= CalendarDates.GroupBy(e => (e.ServiceId, e.Date)).ToDictionary(g => g.Key, g => g.Last().ExceptionType);
        _calendarById ??= Calendars.GroupBy(c => c.ServiceId).ToDictionary(g => g.Key, g => g.First());
        if (_exceptions.TryGetValue((serviceId, date), out var type))
        {
            return type == 1;
        }

        return _calendarById.TryGetValue(serviceId, out var calendar) && calendar.Covers(date);
    }

    /// <summary>Number of trips whose service runs on <paramref name="date"/>.</summary>
    public int TripsOn(DateOnly date) => Trips.Count(t => IsServiceActive(t.ServiceId, date));
}
