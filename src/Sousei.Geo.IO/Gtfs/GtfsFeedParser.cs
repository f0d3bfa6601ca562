using System.Globalization;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.Gtfs;

/// <summary>Parses and validates one feed; rows with problems are reported and left out. Not thread-safe.</summary>
internal sealed class GtfsFeedParser(string name, string label, GtfsReader.FeedFiles files, ProblemCollector problems, List<string> notes)
{
    private static readonly string[] Required = ["stops.txt", "routes.txt", "trips.txt", "stop_times.txt"];
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt",
        "transfers.txt", "shapes.txt", "frequencies.txt", "fare_attributes.txt", "fare_rules.txt", "feed_info.txt",
        "translations.txt", "pathways.txt", "levels.txt", "attributions.txt",
    };

    private readonly Dictionary<string, (GtfsStop Stop, long Line)> _stops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GtfsRoute> _routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    internal string Ns(string id) => name + ":" + id;

    private string FileLabel(string file) => $"{label}/{file}";

    private void Problem(string code, string file, string message, long? line = null) => problems.Add(new DataProblem(code, FileLabel(file), message, Line: line));

    public GtfsFeed? Parse(DateOnly? serviceDate)
    {
        var missing = Required.Where(f => !files.Has(f)).ToList();
        if (!files.Has("calendar.txt") && !files.Has("calendar_dates.txt"))
        {
            missing.Add("calendar.txt or calendar_dates.txt");
        }

        if (missing.Count > 0)
        {
            problems.Add(new DataProblem("gtfs.missing_file", label,
                $"feed '{name}' has no {string.Join(", no ", missing)}; without {(missing.Contains("stop_times.txt") ? "stop_times.txt its trips have no times, so" : "these files")} the feed is not loaded"));
            return null;
        }

        ReadStops();
        ReadRoutes();
        var calendars = ReadCalendars();
        var exceptions = ReadCalendarDates();
        var trips = ReadTrips();
        var calls = new StopTimesParser(this, trips).Read(files.Read("stop_times.txt")!);
        var transfers = CountRows("transfers.txt");
        var frequencies = ReadFrequencies(trips, calls);
        var feedTrips = new List<GtfsTrip>();
        foreach (var (id, t) in trips)
        {
            if (!calls.TryGetValue(id, out var stopTimes))
            {
                continue;
            }

            if (!frequencies.TryGetValue(id, out var windows))
            {
                feedTrips.Add(new GtfsTrip(Ns(id), t.RouteId, t.ServiceId, t.DirectionId, t.Headsign, stopTimes));
                continue;
            }

            // A trip of frequencies.txt is a template: its times are shifted to each departure of each window.
            var first = stopTimes[0].DepartureSeconds;
            foreach (var (start, end, headway) in windows)
            {
                for (var departure = start; departure < end; departure += headway)
                {
                    var shift = departure - first;
                    var shifted = stopTimes.Select(st => st with { ArrivalSeconds = st.ArrivalSeconds + shift, DepartureSeconds = st.DepartureSeconds + shift }).ToList();
                    feedTrips.Add(new GtfsTrip(Ns(id) + "@" + departure.ToString(System.Globalization.CultureInfo.InvariantCulture), t.RouteId, t.ServiceId, t.DirectionId, t.Headsign, shifted));
                }
            }
        }

        var feed = new GtfsFeed
        {
            Name = name,
            Stops = _stops.Values.Select(s => s.Stop).ToList(),
            Routes = _routes.Values.ToList(),
            Trips = feedTrips,
            Calendars = calendars,
            CalendarDates = exceptions,
            TransferCount = transfers,
        };
        var extra = files.Names.Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !Known.Contains(f)).Order(StringComparer.Ordinal).ToList();
        notes.Add($"{label}: feed '{name}': {feed.Stops.Count} stops, {feed.Routes.Count} routes, {trips.Count} trips ({feedTrips.Count} with stop times), "
            + $"{feedTrips.Sum(t => t.StopTimes.Count)} stop times; transfers.txt {transfers} rows (read and reported; routing uses the walking rule)"
            + (extra.Count > 0 ? $"; extra files ignored: {string.Join(", ", extra)}" : ""));
        if (serviceDate is { } date && feed.TripsOn(date) == 0)
        {
            var range = calendars.Count > 0 ? $" (calendar.txt covers {calendars.Min(c => c.StartDate):yyyy-MM-dd} to {calendars.Max(c => c.EndDate):yyyy-MM-dd})" : "";
            problems.Add(new DataProblem("gtfs.no_service", label, $"feed '{name}' has no trip running on {date:yyyy-MM-dd}{range}"));
        }

        return feed;
    }

    /// <summary>A table over one file of the feed; text that cannot be trusted (not UTF-8, an unclosed quote) is reported.</summary>
    internal CsvTable Table(string file, byte[] bytes) => new(bytes, (code, message, line) => Problem(code, file, message, line));

    private CsvTable? Open(string file, params string[] requiredColumns)
    {
        var bytes = files.Read(file);
        if (bytes is null)
        {
            return null;
        }

        var table = Table(file, bytes);
        var absent = requiredColumns.Where(c => !table.Has(c)).ToList();
        if (absent.Count > 0)
        {
            Problem("gtfs.missing_column", file, $"missing column(s) {string.Join(", ", absent)}", 1);
            return null;
        }

        return table;
    }

    private int CountRows(string file)
    {
        var bytes = files.Read(file);
        if (bytes is null)
        {
            return 0;
        }

        var table = Table(file, bytes);
        var n = 0;
        while (table.Next())
        {
            n++;
        }

        return n;
    }

    private void ReadStops()
    {
        const string file = "stops.txt";
        if (Open(file, "stop_id") is not { } t)
        {
            return;
        }

        int cId = t.Column("stop_id"), cName = t.Column("stop_name"), cLat = t.Column("stop_lat"), cLon = t.Column("stop_lon");
        int cType = t.Column("location_type"), cParent = t.Column("parent_station");
        var parents = new List<(string Stop, string Parent, long Line)>();
        while (t.Next())
        {
            var id = t.Get(cId);
            if (id.Length == 0)
            {
                Problem("gtfs.missing_value", file, "stop_id is empty", t.Line);
                continue;
            }

            var typeText = t.Get(cType);
            var type = 0;
            if (typeText.Length > 0 && (!int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out type) || type > 4))
            {
                Problem("gtfs.bad_value", file, $"stop '{id}': location_type '{typeText}' is not 0–4", t.Line);
                continue;
            }

            var latText = t.Get(cLat);
            var lonText = t.Get(cLon);
            double lat = double.NaN, lon = double.NaN;
            var needsPosition = type <= 2;
            if (needsPosition || latText.Length > 0 || lonText.Length > 0)
            {
                if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out lat) || !double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
                    || !double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180 || (lat == 0 && lon == 0))
                {
                    Problem("gtfs.bad_coordinates", file, $"stop '{id}': stop_lat '{latText}', stop_lon '{lonText}' are not a valid latitude/longitude in degrees", t.Line);
                    continue;
                }
            }

            var parent = t.Get(cParent);
            var stop = new GtfsStop(Ns(id), t.Get(cName), lon, lat, type, parent.Length > 0 ? Ns(parent) : null);
            if (!_stops.TryAdd(id, (stop, t.Line)))
            {
                Problem("gtfs.duplicate_id", file, $"stop_id '{id}' appears more than once", t.Line);
                continue;
            }

            if (parent.Length > 0)
            {
                parents.Add((id, parent, t.Line));
            }
        }

        foreach (var (stop, parent, line) in parents)
        {
            if (!_stops.TryGetValue(parent, out var p))
            {
                Problem("gtfs.unresolved_reference", file, $"stop '{stop}': parent_station '{parent}' is not in stops.txt", line);
            }
            else if (p.Stop.LocationType != 1 && _stops[stop].Stop.LocationType is 0 or 1 or 2 or 3)
            {
                Problem("gtfs.bad_reference", file, $"stop '{stop}': parent_station '{parent}' is not a station (location_type 1)", line);
            }
        }
    }

    private void ReadRoutes()
    {
        const string file = "routes.txt";
        if (Open(file, "route_id", "route_type") is not { } t)
        {
            return;
        }

        int cId = t.Column("route_id"), cAgency = t.Column("agency_id"), cShort = t.Column("route_short_name"), cLong = t.Column("route_long_name"), cType = t.Column("route_type");
        while (t.Next())
        {
            var id = t.Get(cId);
            var typeText = t.Get(cType);
            if (id.Length == 0 || !int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var type))
            {
                Problem("gtfs.bad_value", file, $"route '{id}': route_id must be set and route_type '{typeText}' must be an integer", t.Line);
                continue;
            }

            if (!_routes.TryAdd(id, new GtfsRoute(Ns(id), t.Get(cAgency), t.Get(cShort), t.Get(cLong), type)))
            {
                Problem("gtfs.duplicate_id", file, $"route_id '{id}' appears more than once", t.Line);
            }
        }
    }

    private List<GtfsServiceCalendar> ReadCalendars()
    {
        const string file = "calendar.txt";
        var result = new List<GtfsServiceCalendar>();
        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        if (Open(file, ["service_id", .. days, "start_date", "end_date"]) is not { } t)
        {
            return result;
        }

        var cDays = days.Select(t.Column).ToArray();
        int cId = t.Column("service_id"), cStart = t.Column("start_date"), cEnd = t.Column("end_date");
        while (t.Next())
        {
            var id = t.Get(cId);
            var mask = 0;
            var ok = id.Length > 0;
            for (var d = 0; d < 7; d++)
            {
                var v = t.Get(cDays[d]);
                if (v == "1")
                {
                    mask |= 1 << d;
                }
                else if (v != "0")
                {
                    ok = false;
                }
            }

            if (!ok || !TryDate(t.Get(cStart), out var start) || !TryDate(t.Get(cEnd), out var end))
            {
                Problem("gtfs.bad_value", file, $"service '{id}': day flags must be 0 or 1 and dates YYYYMMDD", t.Line);
                continue;
            }

            if (end < start)
            {
                Problem("gtfs.bad_value", file, $"service '{id}': end_date {t.Get(cEnd)} is before start_date {t.Get(cStart)}", t.Line);
                continue;
            }

            _services.Add(id);
            result.Add(new GtfsServiceCalendar(Ns(id), mask, start, end));
        }

        return result;
    }

    private List<GtfsServiceException> ReadCalendarDates()
    {
        const string file = "calendar_dates.txt";
        var result = new List<GtfsServiceException>();
        if (Open(file, "service_id", "date", "exception_type") is not { } t)
        {
            return result;
        }

        int cId = t.Column("service_id"), cDate = t.Column("date"), cType = t.Column("exception_type");
        while (t.Next())
        {
            var id = t.Get(cId);
            var type = t.Get(cType);
            if (id.Length == 0 || !TryDate(t.Get(cDate), out var date) || type is not ("1" or "2"))
            {
                Problem("gtfs.bad_value", file, $"service '{id}': date must be YYYYMMDD and exception_type 1 or 2", t.Line);
                continue;
            }

            _services.Add(id);
            result.Add(new GtfsServiceException(Ns(id), date, type[0] - '0'));
        }

        return result;
    }

    /// <summary>Largest headway read from frequencies.txt: a day.</summary>
    private const int MaxHeadwaySeconds = 86_400;

    /// <summary>
    /// frequencies.txt (optional): per template trip its windows (start, end, headway). Checked as the MobilityData
    /// validator does: a known trip with stop times, times HH:MM:SS with the end after the start, a headway of 1 s to a
    /// day, windows of one trip that do not overlap. Every departure is taken as exact (exact_times=1; for 0 the feed
    /// promises only the headway, and its first departure at the window start is one reading of it).
    /// </summary>
    private Dictionary<string, List<(int Start, int End, int Headway)>> ReadFrequencies(Dictionary<string, TripRow> trips, Dictionary<string, IReadOnlyList<GtfsStopTime>> calls)
    {
        const string file = "frequencies.txt";
        var result = new Dictionary<string, List<(int, int, int)>>(StringComparer.Ordinal);
        if (Open(file, ["trip_id", "start_time", "end_time", "headway_secs"]) is not { } t)
        {
            return result;
        }

        int cTrip = t.Column("trip_id"), cStart = t.Column("start_time"), cEnd = t.Column("end_time"), cHeadway = t.Column("headway_secs"), cExact = t.Column("exact_times");
        var lines = new Dictionary<string, List<(int Start, int End, long Line)>>(StringComparer.Ordinal);
        while (t.Next())
        {
            var trip = t.Get(cTrip);
            if (!trips.ContainsKey(trip) || !calls.ContainsKey(trip))
            {
                Problem("gtfs.unresolved_reference", file, $"trip_id '{trip}' is not a trip of trips.txt with stop times", t.Line);
                continue;
            }

            if (!GtfsTime.TryParse(t.Get(cStart), out var start) || !GtfsTime.TryParse(t.Get(cEnd), out var end))
            {
                Problem("gtfs.bad_value", file, $"trip '{trip}': start_time '{t.Get(cStart)}' and end_time '{t.Get(cEnd)}' must be times HH:MM:SS", t.Line);
                continue;
            }

            if (end <= start)
            {
                Problem("gtfs.bad_value", file, $"trip '{trip}': end_time {t.Get(cEnd)} is not after start_time {t.Get(cStart)}", t.Line);
                continue;
            }

            if (!int.TryParse(t.Get(cHeadway), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var headway) || headway is < 1 or > MaxHeadwaySeconds)
            {
                Problem("gtfs.bad_value", file, $"trip '{trip}': headway_secs '{t.Get(cHeadway)}' must be a whole number of seconds from 1 to {MaxHeadwaySeconds}", t.Line);
                continue;
            }

            if (cExact >= 0 && t.Get(cExact) is not ("" or "0" or "1"))
            {
                Problem("gtfs.bad_value", file, $"trip '{trip}': exact_times '{t.Get(cExact)}' must be 0 or 1", t.Line);
                continue;
            }

            if (!lines.TryGetValue(trip, out var windows))
            {
                lines[trip] = windows = [];
            }

            if (windows.FirstOrDefault(w => start < w.End && w.Start < end) is { Line: > 0 } other)
            {
                Problem("gtfs.frequency_overlap", file, $"trip '{trip}': {t.Get(cStart)}–{t.Get(cEnd)} overlaps the window of line {other.Line}", t.Line);
                continue;
            }

            windows.Add((start, end, t.Line));
            if (!result.TryGetValue(trip, out var list))
            {
                result[trip] = list = [];
            }

            list.Add((start, end, headway));
        }

        return result;
    }

    internal sealed record TripRow(string RouteId, string ServiceId, int? DirectionId, string Headsign);

    private Dictionary<string, TripRow> ReadTrips()
    {
        const string file = "trips.txt";
        var result = new Dictionary<string, TripRow>(StringComparer.Ordinal);
        if (Open(file, "route_id", "service_id", "trip_id") is not { } t)
        {
            return result;
        }

        int cRoute = t.Column("route_id"), cService = t.Column("service_id"), cId = t.Column("trip_id"), cDir = t.Column("direction_id"), cHead = t.Column("trip_headsign");
        while (t.Next())
        {
            var id = t.Get(cId);
            var route = t.Get(cRoute);
            var service = t.Get(cService);
            var dirText = t.Get(cDir);
            if (id.Length == 0)
            {
                Problem("gtfs.missing_value", file, "trip_id is empty", t.Line);
                continue;
            }

            if (!_routes.ContainsKey(route))
            {
                Problem("gtfs.unresolved_reference", file, $"trip '{id}': route_id '{route}' is not in routes.txt", t.Line);
                continue;
            }

            if (!_services.Contains(service))
            {
                Problem("gtfs.unresolved_reference", file, $"trip '{id}': service_id '{service}' is in neither calendar.txt nor calendar_dates.txt", t.Line);
                continue;
            }

            int? direction = dirText switch { "0" => 0, "1" => 1, _ => null };
            if (dirText.Length > 0 && direction is null)
            {
                Problem("gtfs.bad_value", file, $"trip '{id}': direction_id '{dirText}' is not 0 or 1", t.Line);
                continue;
            }

            if (!result.TryAdd(id, new TripRow(Ns(route), Ns(service), direction, t.Get(cHead))))
            {
                Problem("gtfs.duplicate_id", file, $"trip_id '{id}' appears more than once", t.Line);
            }
        }

        return result;
    }

    internal bool TryStop(string id, out GtfsStop stop)
    {
        if (_stops.TryGetValue(id, out var s))
        {
            stop = s.Stop;
            return true;
        }

        stop = null!;
        return false;
    }

    internal void StopTimeProblem(string code, string message, long line) => Problem(code, "stop_times.txt", message, line);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
