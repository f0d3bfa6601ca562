using System.Globalization;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.IO.Gtfs;

/// <summary>
/// Reads stop_times.txt into the calls of each trip, ordered by stop_sequence. Untimed intermediate calls
/// are interpolated linearly between the timed calls around them, by shape_dist_traveled when every call
/// involved has it and it increases, otherwise by stop count. A trip with any problem (unknown stop, a
/// station boarded, malformed or backwards times, untimed first/last call) is reported and left out.
/// </summary>
internal sealed class StopTimesParser(GtfsFeedParser feed, Dictionary<string, GtfsFeedParser.TripRow> trips)
{
    private readonly record struct Row(int Sequence, int? Arrival, int? Departure, string StopId, int Pickup, int DropOff, double? Dist, long Line);

    public Dictionary<string, IReadOnlyList<GtfsStopTime>> Read(byte[] bytes)
    {
        var t = feed.Table("stop_times.txt", bytes);
        var result = new Dictionary<string, IReadOnlyList<GtfsStopTime>>(StringComparer.Ordinal);
        string[] required = ["trip_id", "stop_id", "stop_sequence", "arrival_time", "departure_time"];
        var absent = required.Where(c => !t.Has(c)).ToList();
        if (absent.Count > 0)
        {
            feed.StopTimeProblem("gtfs.missing_column", $"missing column(s) {string.Join(", ", absent)}", 1);
            return result;
        }

        int cTrip = t.Column("trip_id"), cStop = t.Column("stop_id"), cSeq = t.Column("stop_sequence"), cArr = t.Column("arrival_time"), cDep = t.Column("departure_time");
        int cPick = t.Column("pickup_type"), cDrop = t.Column("drop_off_type"), cDist = t.Column("shape_dist_traveled");
        var rows = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var bad = new HashSet<string>(StringComparer.Ordinal);
        while (t.Next())
        {
            var tripId = t.Get(cTrip);
            var stopId = t.Get(cStop);
            if (!trips.ContainsKey(tripId))
            {
                feed.StopTimeProblem("gtfs.unresolved_reference", $"trip_id '{tripId}' is not in trips.txt", t.Line);
                continue;
            }

            if (!feed.TryStop(stopId, out var stop))
            {
                feed.StopTimeProblem("gtfs.unresolved_reference", $"trip '{tripId}': stop_id '{stopId}' is not in stops.txt", t.Line);
                bad.Add(tripId);
                continue;
            }

            if (stop.LocationType != 0)
            {
                feed.StopTimeProblem("gtfs.bad_reference", $"trip '{tripId}': stop '{stopId}' has location_type {stop.LocationType}; stop_times must name a stop or platform (location_type 0), stations are not boarded", t.Line);
                bad.Add(tripId);
                continue;
            }

            var seqText = t.Get(cSeq);
            var arrText = t.Get(cArr);
            var depText = t.Get(cDep);
            int? arr = null, dep = null;
            var ok = int.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq);
            if (arrText.Length > 0)
            {
                ok &= GtfsTime.TryParse(arrText, out var a);
                arr = a;
            }

            if (depText.Length > 0)
            {
                ok &= GtfsTime.TryParse(depText, out var d);
                dep = d;
            }

            var pick = Flag(t.Get(cPick), ref ok);
            var drop = Flag(t.Get(cDrop), ref ok);
            double? dist = null;
            var distText = t.Get(cDist);
            if (distText.Length > 0)
            {
                if (double.TryParse(distText, NumberStyles.Float, CultureInfo.InvariantCulture, out var dv) && double.IsFinite(dv))
                {
                    dist = dv;
                }
                else
                {
                    ok = false;
                }
            }

            if (!ok)
            {
                feed.StopTimeProblem("gtfs.bad_value", $"trip '{tripId}': malformed value (stop_sequence '{seqText}', arrival_time '{arrText}', departure_time '{depText}'; times are H:MM:SS, types 0–3)", t.Line);
                bad.Add(tripId);
                continue;
            }

            if (!rows.TryGetValue(tripId, out var list))
            {
                rows[tripId] = list = [];
            }

            list.Add(new Row(seq, arr ?? dep, dep ?? arr, stopId, pick, drop, dist, t.Line));
        }

        foreach (var (tripId, list) in rows)
        {
            if (!bad.Contains(tripId) && Build(tripId, list) is { } calls)
            {
                result[tripId] = calls;
            }
        }

        return result;
    }

    private static int Flag(string text, ref bool ok)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (text.Length == 1 && text[0] is >= '0' and <= '3')
        {
            return text[0] - '0';
        }

        ok = false;
        return 0;
    }

    private GtfsStopTime[]? Build(string tripId, List<Row> list)
    {
        list.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Sequence == list[i - 1].Sequence)
            {
                feed.StopTimeProblem("gtfs.duplicate_id", $"trip '{tripId}': stop_sequence {list[i].Sequence} appears twice", list[i].Line);
                return null;
            }
        }

        if (list[0].Arrival is null || list[^1].Arrival is null)
        {
            var row = list[0].Arrival is null ? list[0] : list[^1];
            feed.StopTimeProblem("gtfs.missing_value", $"trip '{tripId}': the first and last stop of a trip need arrival and departure times", row.Line);
            return null;
        }

        var arrival = new int[list.Count];
        var departure = new int[list.Count];
        var last = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Arrival is not { } a)
            {
                continue;
            }

            arrival[i] = a;
            departure[i] = list[i].Departure!.Value;
            if (i > last + 1)
            {
                Interpolate(list, arrival, departure, last, i);
            }

            last = i;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (departure[i] < arrival[i] || (i > 0 && arrival[i] < departure[i - 1]))
            {
                feed.StopTimeProblem("gtfs.time_backwards", $"trip '{tripId}': time goes backwards at stop_sequence {list[i].Sequence} (arrival {Clock(arrival[i])}, departure {Clock(departure[i])}, previous departure {(i > 0 ? Clock(departure[i - 1]) : "-")})", list[i].Line);
                return null;
            }
        }

        var calls = new GtfsStopTime[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            calls[i] = new GtfsStopTime(feed.Ns(list[i].StopId), list[i].Sequence, arrival[i], departure[i], list[i].Pickup, list[i].DropOff);
        }

        return calls;
    }

    private static void Interpolate(List<Row> list, int[] arrival, int[] departure, int from, int to)
    {
        var start = departure[from];
        var span = arrival[to] - start;
        var byDistance = list[from].Dist is { } d0 && list[to].Dist is { } d1 && d1 > d0;
        for (var i = from + 1; i < to && byDistance; i++)
        {
            byDistance = list[i].Dist is { } d && d >= list[i - 1].Dist!.Value && d <= list[to].Dist!.Value;
        }

        for (var i = from + 1; i < to; i++)
        {
            var fraction = byDistance
                ? (list[i].Dist!.Value - list[from].Dist!.Value) / (list[to].Dist!.Value - list[from].Dist!.Value)
                : (double)(i - from) / (to - from);
            arrival[i] = departure[i] = start + (int)Math.Floor(fraction * span);
        }
    }

    private static string Clock(int s) => $"{s / 3600}:{s % 3600 / 60:00}:{s % 60:00}";
}
