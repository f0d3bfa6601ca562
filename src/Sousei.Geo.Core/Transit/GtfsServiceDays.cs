using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Picks the service day used when none is given (<c>--date</c> of the command line, <c>ServiceDate</c> of the
/// service, the notebooks). Operators publish feeds of different validity (Kumamoto: the bus feeds run to
/// 2026-05-15, the Kumamoto Electric Railway feed starts on 2026-05-11), so the day must be one on which as many
/// feeds as possible run at once. Pure and thread-safe.
/// </summary>
public static class GtfsServiceDays
{
    // Eight weeks after each feed's first date: long enough to get past a holiday week.
    private const int SearchDaysPerFeed = 56;

    /// <summary>
    /// The busiest weekday (Monday–Friday) of the feeds: the one on which the most feeds have at least one trip,
    /// then the one with the most trips in all, then the earliest. Candidates are the first 56
    /// days (eight weeks) from each feed's first date (the earliest calendar.txt
    /// start or calendar_dates.txt addition): the largest overlap of feeds always begins on some feed's first date.
    /// A day without any trip is never chosen; when no weekday has a trip, the busiest day of the week-end is.
    /// Trips are counted as in <see cref="GtfsFeed.TripsOn"/> (calendar_dates decides, else calendar.txt).
    /// </summary>
    /// <exception cref="DataException"><c>gtfs.no_service</c>: no candidate day has a trip (e.g. no calendar at all).</exception>
    public static DateOnly BusiestWeekday(IReadOnlyList<GtfsFeed> feeds)
    {
        var counters = feeds.Select(f => new TripCounter(f)).ToList();
        var candidates = new SortedSet<DateOnly>();
        foreach (var counter in counters)
        {
            if (counter.FirstDate is { } first)
            {
                for (var i = 0; i < SearchDaysPerFeed; i++)
                {
                    candidates.Add(first.AddDays(i));
                }
            }
        }

        var scored = candidates
            .Select(d =>
            {
                var perFeed = counters.Select(c => c.TripsOn(d)).ToList();
                return (Date: d, Feeds: perFeed.Count(n => n > 0), Trips: perFeed.Sum());
            })
            .Where(s => s.Trips > 0)
            .ToList();
        var weekdays = scored.Where(s => s.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var pool = weekdays.Count > 0 ? weekdays : scored;
        if (pool.Count == 0)
        {
            var names = feeds.Count == 0 ? "gtfs" : string.Join(", ", feeds.Select(f => f.Name));
            throw new DataException(new DataProblem("gtfs.no_service", names,
                "no trip of the feeds runs on any day of their calendars (calendar.txt, calendar_dates.txt); give the service day explicitly"));
        }

        // SortedSet enumerates dates in order and OrderBy is stable, so ties keep the earliest date.
        return pool.OrderByDescending(s => s.Feeds).ThenByDescending(s => s.Trips).First().Date;
    }

    /// <summary>Trips per day of one feed, from its trips per service id (a day costs one look-up per service).</summary>
    private sealed class TripCounter
    {
        private readonly GtfsFeed _feed;
        private readonly (string ServiceId, int Trips)[] _services;

        public TripCounter(GtfsFeed feed)
        {
            _feed = feed;
            _services = feed.Trips.GroupBy(t => t.ServiceId, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToArray();
            var starts = feed.Calendars.Select(c => c.StartDate)
                .Concat(feed.CalendarDates.Where(e => e.ExceptionType == 1).Select(e => e.Date))
                .ToList();
            FirstDate = starts.Count == 0 ? null : starts.Min();
        }

        public DateOnly? FirstDate { get; }

        public int TripsOn(DateOnly date)
        {
            var n = 0;
            foreach (var (service, trips) in _services)
            {
                if (_feed.IsServiceActive(service, date))
                {
                    n += trips;
                }
            }

            return n;
        }
    }
}
