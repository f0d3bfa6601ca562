using System.Globalization;
using System.Text;

namespace Sousei.Geo.Demo;

/// <summary>
/// Writes the demo network as a GTFS feed folder (GTFS Schedule reference): one agency, weekday
/// service 2026-01-01 to 2027-12-31, trips in both directions from 06:00 until the last one that
/// ends by 23:00, at the line's peak headway 07:00–09:00 and 17:00–19:00 and its off-peak headway
/// otherwise. Stop times follow distance along the path at the line's mean speed (dwell included).
/// </summary>
internal static class DemoGtfsWriter
{
    private const int ServiceStartSeconds = 6 * 3600;
    private const int ServiceEndSeconds = 23 * 3600;

    public static int Write(DemoTransitNetwork network, string directory, int seed)
    {
        Directory.CreateDirectory(directory);
        WriteFile(directory, "agency.txt",
        [
            "agency_id,agency_name,agency_url,agency_timezone,agency_lang",
            "demo,Sousei demo trunk transit (synthetic),https://example.invalid/sousei-demo,Asia/Tokyo,ja",
        ]);
        WriteFile(directory, "feed_info.txt",
        [
            "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version",
            $"Sousei.Geo demo-data generator (synthetic),https://example.invalid/sousei-demo,ja,20260101,20271231,demo-seed-{seed.ToString(CultureInfo.InvariantCulture)}",
        ]);
        WriteFile(directory, "calendar.txt",
        [
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
            "weekday,1,1,1,1,1,0,0,20260101,20271231",
        ]);

        var stopLines = new List<string> { "stop_id,stop_name,stop_lat,stop_lon,location_type" };
        stopLines.AddRange(network.Stops.Select(s => string.Join(',', s.Id, Csv(s.Name), F(s.Latitude), F(s.Longitude), "0")));
        WriteFile(directory, "stops.txt", stopLines);

        var routeLines = new List<string> { "route_id,agency_id,route_short_name,route_long_name,route_type,route_color,route_text_color" };
        routeLines.AddRange(network.Patterns.Select(p => string.Join(',', p.Line.RouteId, "demo", Csv(p.Line.ShortName), Csv(p.Line.LongName),
            p.Line.RouteType.ToString(CultureInfo.InvariantCulture), p.Line.Color, "FFFFFF")));
        WriteFile(directory, "routes.txt", routeLines);

        var trips = new List<string> { "route_id,service_id,trip_id,trip_headsign,direction_id" };
        var stopTimes = new List<string> { "trip_id,arrival_time,departure_time,stop_id,stop_sequence" };
        var tripCount = 0;
        foreach (var pattern in network.Patterns)
        {
            var speedMetersPerSecond = pattern.Line.SpeedKilometersPerHour / 3.6;
            var total = pattern.DistanceMeters[^1];
            for (var direction = 0; direction < 2; direction++)
            {
                var order = Enumerable.Range(0, pattern.StopIndexes.Count).ToList();
                if (direction == 1)
                {
                    order.Reverse();
                }

                var offsets = order.Select(i => (int)Math.Round((direction == 0 ? pattern.DistanceMeters[i] : total - pattern.DistanceMeters[i]) / speedMetersPerSecond)).ToList();
                var headsign = network.Stops[pattern.StopIndexes[order[^1]]].Name;
                var number = 0;
                for (var departure = ServiceStartSeconds; departure + offsets[^1] <= ServiceEndSeconds; departure += HeadwaySeconds(pattern.Line, departure))
                {
                    number++;
                    var tripId = FormattableString.Invariant($"{pattern.Line.RouteId}-{direction}-{number:D3}");
                    trips.Add(string.Join(',', pattern.Line.RouteId, "weekday", tripId, Csv(headsign), direction.ToString(CultureInfo.InvariantCulture)));
                    for (var k = 0; k < order.Count; k++)
                    {
                        var time = Time(departure + offsets[k]);
                        stopTimes.Add(string.Join(',', tripId, time, time, network.Stops[pattern.StopIndexes[order[k]]].Id, (k + 1).ToString(CultureInfo.InvariantCulture)));
                    }

                    tripCount++;
                }
            }
        }

        WriteFile(directory, "trips.txt", trips);
        WriteFile(directory, "stop_times.txt", stopTimes);
        return tripCount;
    }

    private static int HeadwaySeconds(DemoLineFact line, int departureSeconds)
    {
        var hour = departureSeconds / 3600;
        var peak = hour is 7 or 8 or 17 or 18;
        return 60 * (peak ? line.PeakHeadwayMinutes : line.OffPeakHeadwayMinutes);
    }

    private static string Time(int seconds) =>
        FormattableString.Invariant($"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");

    private static string F(double degrees) => degrees.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteFile(string directory, string name, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(Path.Combine(directory, name), false, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
