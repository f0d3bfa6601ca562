using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// The core GTFS files of one feed parsed into rows for the typed tables (stops, routes, trips,
/// stop_times, calendar, calendar_dates). Only what the schema keeps is parsed; every file is also
/// kept as shipped in <c>gtfs_files</c>. Problems name the feed, file and line.
/// </summary>
internal sealed class GtfsTables
{
    public List<(string Id, string? Name, int LocationType, string? Parent, double? Lon, double? Lat)> Stops { get; } = [];

    public List<(string Id, string? Agency, string? ShortName, string? LongName, int Type)> Routes { get; } = [];

    public List<(string Id, string Route, string Service, int? Direction, string? Headsign)> Trips { get; } = [];

    public List<(string Trip, int Sequence, string Stop, int? Arrival, int? Departure, int Pickup, int DropOff)> StopTimes { get; } = [];

    public List<(string Service, int DayMask, DateOnly Start, DateOnly End)> Calendar { get; } = [];

    public List<(string Service, DateOnly Date, int Type)> CalendarDates { get; } = [];

    public static GtfsTables Parse(GtfsFeedFiles feed, ProblemCollector problems)
    {
        var t = new GtfsTables();
        foreach (var required in new[] { "stops.txt", "routes.txt", "trips.txt", "stop_times.txt" })
        {
            if (!feed.Files.ContainsKey(required))
            {
                problems.Add(new DataProblem("gtfs.file_missing", $"{feed.Name}/{required}", "required GTFS file is missing"));
            }
        }

        if (!feed.Files.ContainsKey("calendar.txt") && !feed.Files.ContainsKey("calendar_dates.txt"))
        {
            problems.Add(new DataProblem("gtfs.file_missing", $"{feed.Name}/calendar.txt", "the feed needs calendar.txt or calendar_dates.txt"));
        }

        Each(feed, "stops.txt", problems, r => t.Stops.Add((r.Req("stop_id"), r.Opt("stop_name"), r.Int("location_type") ?? 0, r.Opt("parent_station"), r.Num("stop_lon"), r.Num("stop_lat"))));
        Each(feed, "routes.txt", problems, r => t.Routes.Add((r.Req("route_id"), r.Opt("agency_id"), r.Opt("route_short_name"), r.Opt("route_long_name"), r.Int("route_type") ?? r.Fail<int>("route_type", "is required"))));
        Each(feed, "trips.txt", problems, r => t.Trips.Add((r.Req("trip_id"), r.Req("route_id"), r.Req("service_id"), r.Int("direction_id"), r.Opt("trip_headsign"))));
        Each(feed, "stop_times.txt", problems, r => t.StopTimes.Add((r.Req("trip_id"), r.Int("stop_sequence") ?? r.Fail<int>("stop_sequence", "is required"), r.Req("stop_id"), r.Time("arrival_time"), r.Time("departure_time"), r.Int("pickup_type") ?? 0, r.Int("drop_off_type") ?? 0)));
        Each(feed, "calendar.txt", problems, r =>
        {
            var mask = 0;
            var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
            for (var d = 0; d < 7; d++)
            {
                if ((r.Int(days[d]) ?? r.Fail<int>(days[d], "is required")) == 1)
                {
                    mask |= 1 << d;
                }
            }

            t.Calendar.Add((r.Req("service_id"), mask, r.Date("start_date"), r.Date("end_date")));
        });
        Each(feed, "calendar_dates.txt", problems, r => t.CalendarDates.Add((r.Req("service_id"), r.Date("date"), r.Int("exception_type") ?? r.Fail<int>("exception_type", "is required"))));
        return t;
    }

    private static void Each(GtfsFeedFiles feed, string file, ProblemCollector problems, Action<Row> add)
    {
        if (!feed.Files.TryGetValue(file, out var bytes))
        {
            return;
        }

        var where = $"{feed.Name}/{file}";
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? bytes.AsSpan(3) : bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new DataProblem("gtfs.encoding", where, "not UTF-8 (GTFS files are UTF-8)"));
            return;
        }

        Dictionary<string, int>? header = null;
        foreach (var (line, fields) in CsvText.Records(text))
        {
            if (header is null)
            {
                header = fields.Select((f, i) => (Name: f.Trim(), i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
                continue;
            }

            try
            {
                add(new Row(header, fields));
            }
            catch (FormatException e)
            {
                problems.Add(new DataProblem("gtfs.value", where, e.Message, Line: line));
            }
        }
    }

    private sealed class Row(Dictionary<string, int> header, List<string> fields)
    {
        public string? Opt(string name) => header.TryGetValue(name, out var i) && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;

        public string Req(string name) => Opt(name) ?? Fail<string>(name, "is required");

        public T Fail<T>(string name, string why) => throw new FormatException($"{name} {why}");

        public int? Int(string name) => Opt(name) is not { } s ? null
            : int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : Fail<int>(name, $"'{s}' is not a whole number");

        public double? Num(string name) => Opt(name) is not { } s ? null
            : double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : Fail<double>(name, $"'{s}' is not a number");

        public DateOnly Date(string name) => DateOnly.TryParseExact(Req(name).Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : Fail<DateOnly>(name, $"'{Opt(name)}' is not a date YYYYMMDD");

        public int? Time(string name)
        {
            if (Opt(name) is not { } s)
            {
                return null;
            }

            var parts = s.Trim().Split(':');
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sec) && sec < 60)
            {
                return h * 3600 + m * 60 + sec;
            }

            return Fail<int>(name, $"'{s}' is not a time HH:MM:SS");
        }
    }
}
