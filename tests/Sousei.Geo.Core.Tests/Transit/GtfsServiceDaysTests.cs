using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.Core.Tests.Transit;

public class GtfsServiceDaysTests
{
    private const int MondayToFriday = 0b0011111;
    private const int Friday = 0b0010000;
    private const int Weekend = 0b1100000;

    private static GtfsFeed Feed(string name, IReadOnlyList<GtfsServiceCalendar> calendars, IReadOnlyList<(string Service, int Trips)> trips, IReadOnlyList<GtfsServiceException>? exceptions = null) => new()
    {
        Name = name,
        Calendars = calendars,
        CalendarDates = exceptions ?? [],
        Trips = trips.SelectMany(t => Enumerable.Range(0, t.Trips).Select(i => new GtfsTrip($"{name}:{t.Service}-{i}", $"{name}:r", t.Service, null, "", []))).ToList(),
    };

    [Fact]
    public void Busiest_weekday_is_one_on_which_every_feed_runs_then_the_one_with_most_trips()
    {
        // bus: 100 trips Mon–Fri 2026-01-05 .. 2026-05-15. rail: 10 trips Mon–Fri from 2026-05-11, and 5 more on Fridays.
        // Jan–early May: 1 feed, 100 trips. 11–14 May: 2 feeds, 110 trips. Fri 15 May: 2 feeds, 115 trips → 2026-05-15
        // (the first eight weeks of the bus feed alone would give 2026-01-05).
        var bus = Feed("bus", [new("wd", MondayToFriday, new(2026, 1, 5), new(2026, 5, 15))], [("wd", 100)]);
        var rail = Feed("rail", [new("wd", MondayToFriday, new(2026, 5, 11), new(2026, 12, 28)), new("fri", Friday, new(2026, 5, 11), new(2026, 12, 28))],
            [("wd", 10), ("fri", 5)]);
        Assert.Equal(new DateOnly(2026, 5, 15), GtfsServiceDays.BusiestWeekday([bus, rail]));
        Assert.Equal(new DateOnly(2026, 5, 15), GtfsServiceDays.BusiestWeekday([rail, bus]));
    }

    [Fact]
    public void Equal_weekdays_give_the_earliest()
    {
        // 2 trips every weekday from Wednesday 2026-05-13: the 13th.
        var feed = Feed("f", [new("wd", MondayToFriday, new(2026, 5, 13), new(2026, 12, 31))], [("wd", 2)]);
        Assert.Equal(new DateOnly(2026, 5, 13), GtfsServiceDays.BusiestWeekday([feed]));
    }

    [Fact]
    public void A_day_without_trips_is_never_chosen()
    {
        // "wd" runs Monday–Friday but has no trips; "we" has 3 trips on week-ends from Sat 2026-03-07, removed that day.
        // No weekday has a trip, so the busiest week-end day: Sun 2026-03-08 (3 trips, as every later week-end day).
        var calendars = new List<GtfsServiceCalendar> { new("wd", MondayToFriday, new(2026, 3, 2), new(2026, 3, 31)), new("we", Weekend, new(2026, 3, 7), new(2026, 3, 31)) };
        var removed = new GtfsServiceException("we", new(2026, 3, 7), 2);
        Assert.Equal(new DateOnly(2026, 3, 8), GtfsServiceDays.BusiestWeekday([Feed("f", calendars, [("we", 3)], [removed])]));

        // Adding Tuesday 2026-03-10 to "we" in calendar_dates gives a weekday with trips.
        var added = new GtfsServiceException("we", new(2026, 3, 10), 1);
        Assert.Equal(new DateOnly(2026, 3, 10), GtfsServiceDays.BusiestWeekday([Feed("f", calendars, [("we", 3)], [removed, added])]));
    }

    [Fact]
    public void Feeds_without_any_service_are_a_no_service_problem()
    {
        var noCalendar = Feed("f", [], [("wd", 4)]);
        var e = Assert.Throws<DataException>(() => GtfsServiceDays.BusiestWeekday([noCalendar]));
        Assert.Equal("gtfs.no_service", Assert.Single(e.Problems).Code);
        Assert.Throws<DataException>(() => GtfsServiceDays.BusiestWeekday([]));
    }
}
