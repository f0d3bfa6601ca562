using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Scenarios;

/// <summary>
/// Applies a <see cref="TransitScenario"/> to GTFS feeds: returns new feeds (the input is never changed) whose trips
/// are plain GTFS trips, so that the network, the routing and every analysis treat them like any others. Added lines
/// go into one feed per line, named <c>scn-ID</c>. References (routes, stops) must have been checked
/// (<see cref="Check"/>); apply is total on a checked scenario. Pure and thread-safe.
/// </summary>
public static class ScenarioEditor
{
    /// <summary>The problems of <paramref name="scenario"/> against <paramref name="feeds"/>: (modification index, id, field, message).</summary>
    public static IReadOnlyList<(int Index, string Id, string Field, string Message)> Check(IReadOnlyList<GtfsFeed> feeds, TransitScenario scenario)
    {
        var routes = feeds.SelectMany(f => f.Routes).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var stops = feeds.SelectMany(f => f.Stops).Where(s => s.LocationType == 0).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<(int, string, string, string)>();
        for (var i = 0; i < scenario.Modifications.Count; i++)
        {
            var m = scenario.Modifications[i];
            IEnumerable<string> named = m switch
            {
                RemoveRoutes r => r.Routes,
                AdjustHeadway h => h.Routes,
                AdjustSpeed s => s.Routes,
                _ => [],
            };
            foreach (var route in named.Where(r => !routes.Contains(r)))
            {
                problems.Add((i, m.Id, "routes", $"no route '{route}' in the feeds (routes are FEED:ROUTE_ID, e.g. {routes.Order(StringComparer.Ordinal).FirstOrDefault() ?? "toshibus:1"})"));
            }

            if (m is AddLine line)
            {
                foreach (var stop in line.Stops.Where(s => s.IsExisting && !stops.Contains(s.StopId!)))
                {
                    problems.Add((i, m.Id, "stops", $"no boardable stop '{stop.StopId}' in the feeds (stops are FEED:STOP_ID)"));
                }
            }
        }

        return problems;
    }

    /// <summary>Applies the modifications in order.</summary>
    public static IReadOnlyList<GtfsFeed> Apply(IReadOnlyList<GtfsFeed> feeds, TransitScenario scenario)
    {
        var result = feeds.ToList();
        foreach (var m in scenario.Modifications)
        {
            result = m switch
            {
                AddLine line => [.. result, Line(line)],
                RemoveRoutes r => EditTrips(result, r.Routes, (_, trips) => []),
                AdjustHeadway h => EditRoutes(result, h.Routes, trips => Headway(trips, h)),
                AdjustSpeed s => EditTrips(result, s.Routes, (_, trips) => trips.Select(t => Speed(t, s.Factor)).ToList()),
                _ => throw new ArgumentException($"unknown modification {m.GetType().Name}", nameof(scenario)),
            };
        }

        return result;
    }

    private static List<GtfsFeed> EditTrips(List<GtfsFeed> feeds, IReadOnlyList<string> routes, Func<string, List<GtfsTrip>, List<GtfsTrip>> edit)
    {
        var set = routes.ToHashSet(StringComparer.Ordinal);
        return feeds.Select(f =>
        {
            if (!f.Trips.Any(t => set.Contains(t.RouteId)))
            {
                return f;
            }

            var kept = f.Trips.Where(t => !set.Contains(t.RouteId)).ToList();
            foreach (var group in f.Trips.Where(t => set.Contains(t.RouteId)).GroupBy(t => t.RouteId, StringComparer.Ordinal))
            {
                kept.AddRange(edit(group.Key, group.ToList()));
            }

            return Copy(f, kept);
        }).ToList();
    }

    private static List<GtfsFeed> EditRoutes(List<GtfsFeed> feeds, IReadOnlyList<string> routes, Func<List<GtfsTrip>, List<GtfsTrip>> edit) =>
        EditTrips(feeds, routes, (_, trips) => edit(trips));

    private static GtfsFeed Copy(GtfsFeed f, IReadOnlyList<GtfsTrip> trips) => new()
    {
        Name = f.Name,
        Stops = f.Stops,
        Routes = f.Routes,
        Trips = trips,
        Calendars = f.Calendars,
        CalendarDates = f.CalendarDates,
        TransferCount = f.TransferCount,
    };

    /// <summary>Per direction, service and stop pattern: the window's trips replaced by evenly spaced copies of its first trip.</summary>
    private static List<GtfsTrip> Headway(List<GtfsTrip> trips, AdjustHeadway h)
    {
        var result = new List<GtfsTrip>();
        var headway = (int)Math.Round(h.HeadwayMinutes * 60);
        foreach (var group in trips.GroupBy(t => (t.DirectionId, t.ServiceId, Pattern: string.Join('>', t.StopTimes.Select(s => s.StopId)))))
        {
            var inWindow = group.Where(t => t.StopTimes[0].DepartureSeconds >= h.FromSeconds && t.StopTimes[0].DepartureSeconds < h.ToSeconds)
                .OrderBy(t => t.StopTimes[0].DepartureSeconds).ToList();
            result.AddRange(group.Except(inWindow));
            if (inWindow.Count == 0)
            {
                continue;
            }

            var template = inWindow[0];
            var n = 0;
            for (var t = h.FromSeconds; t < h.ToSeconds; t += headway, n++)
            {
                result.Add(Shifted(template, t, $"{template.Id}~h{n}"));
            }
        }

        return result;
    }

    private static GtfsTrip Shifted(GtfsTrip template, int firstDeparture, string id)
    {
        var shift = firstDeparture - template.StopTimes[0].DepartureSeconds;
        return template with
        {
            Id = id,
            StopTimes = template.StopTimes.Select(s => s with { ArrivalSeconds = s.ArrivalSeconds + shift, DepartureSeconds = s.DepartureSeconds + shift }).ToList(),
        };
    }

    private static GtfsTrip Speed(GtfsTrip trip, double factor)
    {
        var start = trip.StopTimes[0].DepartureSeconds;
        int Scale(int t) => start + (int)Math.Round((t - start) / factor);
        return trip with { StopTimes = trip.StopTimes.Select(s => s with { ArrivalSeconds = Scale(s.ArrivalSeconds), DepartureSeconds = Scale(s.DepartureSeconds) }).ToList() };
    }

    /// <summary>The feed of an added line: its new stops, one route, a calendar of its days, and its trips.</summary>
    private static GtfsFeed Line(AddLine line)
    {
        var name = "scn-" + line.Id.Replace(':', '_');
        var stops = new List<GtfsStop>();
        var ids = new List<string>();
        for (var k = 0; k < line.Stops.Count; k++)
        {
            var s = line.Stops[k];
            if (s.IsExisting)
            {
                ids.Add(s.StopId!);
            }
            else
            {
                var id = $"{name}:s{k + 1}";
                stops.Add(new GtfsStop(id, s.Name ?? $"{line.Name} {k + 1}", s.Longitude!.Value, s.Latitude!.Value, 0, null));
                ids.Add(id);
            }
        }

        var routeType = line.Mode switch { LineMode.Rail => 2, LineMode.Tram => 0, _ => 3 };
        var route = new GtfsRoute($"{name}:route", name, line.Id, line.Name, routeType);
        var service = $"{name}:days";
        IReadOnlyList<GtfsServiceCalendar> calendars = line.Days.DayMask != 0 ? [new GtfsServiceCalendar(service, line.Days.DayMask, new DateOnly(1900, 1, 1), new DateOnly(2999, 12, 31))] : [];
        IReadOnlyList<GtfsServiceException> dates = line.Days.Dates.Select(d => new GtfsServiceException(service, d, 1)).ToList();
        var trips = new List<GtfsTrip>();
        var minutes = line.MinutesBetweenStops;
        AddTrips(trips, name, route.Id, service, 0, ids, minutes, line);
        if (line.Bidirectional)
        {
            AddTrips(trips, name, route.Id, service, 1, ids.AsEnumerable().Reverse().ToList(), minutes.Reverse().ToList(), line);
        }

        return new GtfsFeed { Name = name, Stops = stops, Routes = [route], Trips = trips, Calendars = calendars, CalendarDates = dates };
    }

    private static void AddTrips(List<GtfsTrip> trips, string name, string route, string service, int direction, IReadOnlyList<string> stops, IReadOnlyList<double> minutes, AddLine line)
    {
        var dwell = (int)Math.Round(line.DwellMinutes * 60);
        foreach (var window in line.Service)
        {
            var headway = (int)Math.Round(window.HeadwayMinutes * 60);
            for (var t = window.FromSeconds; t < window.ToSeconds; t += headway)
            {
                var times = new List<GtfsStopTime>(stops.Count);
                var departure = t;
                for (var k = 0; k < stops.Count; k++)
                {
                    var arrival = k == 0 ? t : departure + (int)Math.Round(minutes[k - 1] * 60);
                    departure = k == 0 || k == stops.Count - 1 ? arrival : arrival + dwell;
                    times.Add(new GtfsStopTime(stops[k], k + 1, arrival, departure, 0, 0));
                }

                trips.Add(new GtfsTrip($"{name}:{(direction == 0 ? "a" : "b")}{t}", route, service, direction, line.Name, times));
            }
        }
    }
}
