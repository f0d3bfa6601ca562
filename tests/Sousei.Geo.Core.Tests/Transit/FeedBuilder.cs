using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

/// <summary>
/// Builds small GTFS feeds for tests with stops placed at plane coordinates (metres, EPSG:6670, offset
/// from a base point near Kumamoto). Distances of 80k − 1 m walk in exactly k minutes at 80 m/min
/// (ceil((80k − 1) × 0.75 s) = 60k s), which keeps the arithmetic in the tests whole minutes.
/// </summary>
internal sealed class FeedBuilder
{
    public const double BaseX = -27000;
    public const double BaseY = -20000;
    public static readonly DateOnly Day = new(2026, 5, 12);

    private readonly List<GtfsStop> _stops = [];
    private readonly List<GtfsRoute> _routes = [];
    private readonly List<GtfsTrip> _trips = [];
    private readonly List<GtfsServiceCalendar> _calendars = [new("t:weekday", 0b0011111, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))];

    public static PlaneProjection Projection => PlaneProjection.Kumamoto;

    public static (double Longitude, double Latitude) Point(double x, double y) => Projection.Unproject(BaseX + x, BaseY + y);

    /// <summary>A boardable stop; its name is its id unless given (poles of one place share a name).</summary>
    public FeedBuilder Stop(string id, double x, double y, string? name = null)
    {
        var (lon, lat) = Point(x, y);
        _stops.Add(new GtfsStop("t:" + id, name ?? id, lon, lat, 0, null));
        return this;
    }

    public FeedBuilder Service(string id, DateOnly date)
    {
        _calendars.Add(new GtfsServiceCalendar("t:" + id, 0, date, date));
        return this;
    }

    public FeedBuilder AllDaysService(string id, DateOnly date)
    {
        _calendars.Add(new GtfsServiceCalendar("t:" + id, 0b1111111, date, date));
        return this;
    }

    /// <summary>A trip; calls are (stop, "HH:MM" or "HH:MM:SS" time used for arrival and departure, pickup, drop-off).</summary>
    public FeedBuilder Trip(string route, string id, params (string Stop, string Time)[] calls) => Trip(route, id, "weekday", calls.Select(c => (c.Stop, c.Time, 0, 0)).ToArray());

    public FeedBuilder Trip(string route, string id, string service, params (string Stop, string Time, int Pickup, int DropOff)[] calls)
    {
        if (_routes.All(r => r.Id != "t:" + route))
        {
            _routes.Add(new GtfsRoute("t:" + route, "a", route, "", 3));
        }

        var times = calls.Select((c, i) => new GtfsStopTime("t:" + c.Stop, i + 1, Seconds(c.Time), Seconds(c.Time), c.Pickup, c.DropOff)).ToList();
        _trips.Add(new GtfsTrip("t:" + id, "t:" + route, "t:" + service, null, "", times));
        return this;
    }

    public FeedBuilder TripWithTimes(string route, string id, IReadOnlyList<GtfsStopTime> times, int routeType = 3, int? directionId = null)
    {
        if (_routes.All(r => r.Id != "t:" + route))
        {
            _routes.Add(new GtfsRoute("t:" + route, "a", route, "", routeType));
        }

        _trips.Add(new GtfsTrip("t:" + id, "t:" + route, "t:weekday", directionId, "", times));
        return this;
    }

    public GtfsFeed Feed() => new() { Name = "t", Stops = _stops, Routes = _routes, Trips = _trips, Calendars = _calendars };

    public TransitNetwork Network() => TransitNetwork.Build([Feed()], Day, Projection);

    public static int Seconds(string clock)
    {
        var p = clock.Split(':').Select(int.Parse).ToArray();
        return p[0] * 3600 + p[1] * 60 + (p.Length > 2 ? p[2] : 0);
    }

    /// <summary>A hub at plane offset (x, y) from the base, in longitude/latitude.</summary>
    public static Sousei.Geo.Core.Model.Hub HubAt(string id, Sousei.Geo.Core.Model.HubKind kind, double x, double y)
    {
        var (lon, lat) = Point(x, y);
        return new Sousei.Geo.Core.Model.Hub(id, id, kind, new NetTopologySuite.Geometries.Point(lon, lat) { SRID = 4326 });
    }

    /// <summary>Every stop, route, trip and calendar of <paramref name="feeds"/> in one plain feed (for the connection scan).</summary>
    public static GtfsFeed Merge(IReadOnlyList<GtfsFeed> feeds) => new()
    {
        Name = "merged",
        Stops = feeds.SelectMany(f => f.Stops).ToList(),
        Routes = feeds.SelectMany(f => f.Routes).ToList(),
        Trips = feeds.SelectMany(f => f.Trips).ToList(),
        Calendars = feeds.SelectMany(f => f.Calendars).ToList(),
        CalendarDates = feeds.SelectMany(f => f.CalendarDates).ToList(),
    };
}
