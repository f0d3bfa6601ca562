using System.Text;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.IO.Tests.Gtfs;

public class GtfsReaderTests
{
    private static readonly DateOnly Day = new(2026, 5, 12);

    private const string Header = "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type,shape_dist_traveled\n";

    [Fact]
    public void Good_feed_loads_with_namespaced_ids_and_times_past_24()
    {
        using var feed = TempFeed.Simple(Header + "T1,24:10:00,24:10:00,A,1,0,0,\nT1,24:30:00,24:31:00,B,2,0,1,\nT2,7:05:00,7:05:00,B,1,,,\nT2,7:20:00,7:20:00,P1,2,,,\n", name: "city");
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        Assert.Empty(result.Problems);
        var f = Assert.Single(result.Feeds);
        Assert.Equal("city", f.Name);
        var t1 = f.Trips.Single(t => t.Id == "city:T1");
        Assert.Equal("city:A", t1.StopTimes[0].StopId);
        Assert.Equal(24 * 3600 + 600, t1.StopTimes[0].DepartureSeconds);
        Assert.Equal(1, t1.StopTimes[1].DropOffType);
        Assert.Equal("city:ST", f.Stops.Single(s => s.Id == "city:P1").ParentStation);
        Assert.Equal(2, f.TripsOn(Day));
        Assert.Equal(0, f.TripsOn(new DateOnly(2026, 5, 16)));
    }

    [Fact]
    public void Malformed_time_unresolved_stop_and_backwards_time_are_reported_with_file_and_line()
    {
        // Line 1 is the header; line 2 has a malformed time, line 5 an unknown stop, line 7 runs backwards (7:20 → 7:10).
        using var feed = TempFeed.Simple(Header
            + "T1,7:0x:00,7:00:00,A,1,,,\n"
            + "T1,7:10:00,7:10:00,B,2,,,\n"
            + "T2,7:00:00,7:00:00,A,1,,,\n"
            + "T2,7:05:00,7:05:00,NOPE,2,,,\n"
            + "T3,7:20:00,7:20:00,A,1,,,\n"
            + "T3,7:10:00,7:10:00,B,2,,,\n",
            trips: TempFeed.Trips + "R,WD,T3,0\n");
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        Assert.Contains(result.Problems, p => p.Code == "gtfs.bad_value" && p.File == "feed/stop_times.txt" && p.Line == 2);
        Assert.Contains(result.Problems, p => p.Code == "gtfs.unresolved_reference" && p.File == "feed/stop_times.txt" && p.Line == 5 && p.Message.Contains("NOPE"));
        Assert.Contains(result.Problems, p => p.Code == "gtfs.time_backwards" && p.File == "feed/stop_times.txt" && p.Line == 7);
        Assert.Throws<Core.Validation.DataException>(result.ThrowIfProblems);
    }

    [Fact]
    public void Unresolved_trip_route_and_bad_coordinates_are_reported()
    {
        using var feed = TempFeed.Simple(Header + "T9,7:00:00,7:00:00,A,1,,,\n", trips: TempFeed.Trips + "NOROUTE,WD,T4,0\n",
            stops: TempFeed.Stops + "Z,Zed,132.5,32.5,,\n");
        var result = GtfsReader.ReadFeeds([feed.Path]);
        Assert.Contains(result.Problems, p => p.Code == "gtfs.unresolved_reference" && p.File == "feed/trips.txt" && p.Line == 4);
        Assert.Contains(result.Problems, p => p.Code == "gtfs.unresolved_reference" && p.File == "feed/stop_times.txt" && p.Line == 2 && p.Message.Contains("T9"));
        Assert.Contains(result.Problems, p => p.Code == "gtfs.bad_coordinates" && p.File == "feed/stops.txt" && p.Line == 6);
    }

    [Fact]
    public void Boarding_a_station_is_a_problem()
    {
        using var feed = TempFeed.Simple(Header + "T1,7:00:00,7:00:00,ST,1,,,\nT1,7:10:00,7:10:00,B,2,,,\n");
        var result = GtfsReader.ReadFeeds([feed.Path]);
        Assert.Contains(result.Problems, p => p.Code == "gtfs.bad_reference" && p.Line == 2 && p.Message.Contains("location_type 1"));
    }

    [Fact]
    public void Untimed_stops_are_interpolated_by_shape_distance_or_by_stop_count()
    {
        // T1: 7:00 at 0 m, untimed at 250 m, 7:10 at 1000 m → 7:00 + 600 s × 0.25 = 7:02:30.
        // T2 has no distances: 7:00, untimed, untimed, 7:09 → thirds: 7:03, 7:06.
        using var feed = TempFeed.Simple(Header
            + "T1,7:00:00,7:00:00,A,1,,,0\nT1,,,B,2,,,250\nT1,7:10:00,7:10:00,A,3,,,1000\n"
            + "T2,7:00:00,7:00:00,A,1,,,\nT2,,,B,2,,,\nT2,,,A,3,,,\nT2,7:09:00,7:09:00,B,4,,,\n");
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        Assert.Empty(result.Problems);
        var trips = result.Feeds[0].Trips.ToDictionary(t => t.Id);
        Assert.Equal(7 * 3600 + 150, trips["feed:T1"].StopTimes[1].ArrivalSeconds);
        Assert.Equal([7 * 3600, 7 * 3600 + 180, 7 * 3600 + 360, 7 * 3600 + 540], trips["feed:T2"].StopTimes.Select(s => s.DepartureSeconds));
    }

    [Fact]
    public void Csv_with_bom_quotes_commas_and_crlf_is_read()
    {
        var stops = "\uFEFF\"stop_id\",\"stop_name\",\"stop_lat\",\"stop_lon\"\r\n\"A\",\"Alpha, \"\"the first\"\"\",\"32.80\",\"130.70\"\r\n\"B\",\"Beta\",\"32.81\",\"130.71\"\r\n";
        using var feed = TempFeed.Simple(Header + "T1,7:00:00,7:00:00,A,1,,,\nT1,7:10:00,7:10:00,B,2,,,\n", trips: "route_id,service_id,trip_id\nR,WD,T1\n", stops: stops);
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        Assert.Empty(result.Problems);
        Assert.Equal("Alpha, \"the first\"", result.Feeds[0].Stops[0].Name);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_line_it_opens_on()
    {
        // Line 3 opens a quote that never closes: B and every later stop would vanish into one stop name.
        var stops = "stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,32.80,130.70\nB,\"Beta,32.81,130.71\nC,Gamma,32.82,130.72\n";
        using var feed = TempFeed.Simple(Header + "T1,7:00:00,7:00:00,A,1,,,\nT1,7:10:00,7:10:00,B,2,,,\n", trips: "route_id,service_id,trip_id\nR,WD,T1\n", stops: stops);
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        var p = Assert.Single(result.Problems, p => p.Code == "gtfs.unclosed_quote");
        Assert.Equal("feed/stops.txt", p.File);
        Assert.Equal(3, p.Line);
        Assert.Contains("line 3", p.Message);
    }

    [Fact]
    public void A_shift_jis_file_is_reported_as_not_utf8_with_the_line()
    {
        // 熊本 in CP932 is 8C 46 96 7B: not UTF-8. Line 1 is the header, the stop on line 3 carries it.
        var stops = Encoding.ASCII.GetBytes("stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,32.80,130.70\nB,")
            .Concat(new byte[] { 0x8C, 0x46, 0x96, 0x7B })
            .Concat(Encoding.ASCII.GetBytes(",32.81,130.71\n")).ToArray();
        using var feed = TempFeed.Simple(Header + "T1,7:00:00,7:00:00,A,1,,,\nT1,7:10:00,7:10:00,B,2,,,\n", trips: "route_id,service_id,trip_id\nR,WD,T1\n");
        File.WriteAllBytes(Path.Combine(feed.Path, "stops.txt"), stops);
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        var p = Assert.Single(result.Problems);
        Assert.Equal("gtfs.encoding", p.Code);
        Assert.Equal("feed/stops.txt", p.File);
        Assert.Equal(3, p.Line);
        Assert.Contains("UTF-8", p.Message);
    }

    [Fact]
    public void Feed_without_service_on_the_date_is_a_problem()
    {
        using var feed = TempFeed.Simple(Header + "T1,7:00:00,7:00:00,A,1,,,\nT1,7:10:00,7:10:00,B,2,,,\n");
        var result = GtfsReader.ReadFeeds([feed.Path], new DateOnly(2026, 5, 16));
        Assert.Contains(result.Problems, p => p.Code == "gtfs.no_service" && p.Message.Contains("2026-05-16"));
    }

    [RealDataFact]
    public void Sanko_bus_folder_without_stop_times_is_reported_clearly_and_not_loaded()
    {
        var result = GtfsReader.ReadFeeds([Path.Combine(RealData.Bus, "sankobus_partial")], Day);
        Assert.Empty(result.Feeds);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("gtfs.missing_file", problem.Code);
        Assert.Contains("stop_times.txt", problem.Message);
        Assert.Equal("sankobus_partial", problem.File);
    }

    [RealDataFact]
    public void Bus_directory_expands_to_three_zips_and_the_partial_folder()
    {
        var sources = GtfsReader.FindFeeds(RealData.Bus).Select(Path.GetFileName).ToList();
        Assert.Equal(["dentetsu.zip", "kumabus.zip", "sankobus_partial", "toshibus.zip"], sources);
    }

    [RealDataFact]
    public void Five_real_feeds_load_without_problems_on_2026_05_12()
    {
        var result = GtfsReader.ReadFeeds(RealData.FiveFeeds, Day);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.Equal(["toshibus", "kumabus", "dentetsu", "kumamotoshiden", "kumamotodentetsu"], result.Feeds.Select(f => f.Name));
        var tram = result.Feeds.Single(f => f.Name == "kumamotoshiden");
        Assert.Equal(1, tram.TransferCount);
        Assert.Equal(246 + 134, tram.TripsOn(Day));
        Assert.Contains(result.Notes, n => n.Contains("agency_jp.txt"));
        Assert.Equal(69_231, result.Feeds[0].Trips.Sum(t => t.StopTimes.Count));
    }

    [RealDataFact]
    public void Tram_takes_about_25_to_30_minutes_from_toricho_suji_to_kengunmachi()
    {
        var result = GtfsReader.ReadFeeds([Path.Combine(RealData.TramRail, "kumamotoshiden.gtfs.zip")], Day);
        Assert.Empty(result.Problems);
        var network = TransitNetwork.Build(result.Feeds, Day, Core.Crs.PlaneProjection.Kumamoto);
        var seconds = TransitRouter.TravelSeconds(network, (130.71007, 32.80305), [(130.76130, 32.77832)], new TransitOptions())[0];
        Array.Sort(seconds);
        var median = TravelTimeStatistics.NearestRank(seconds, 50);
        Assert.NotNull(median);
        Assert.InRange(median.Value / 60.0, 18, 40);
    }

    [RealDataFact]
    public void Stop_names_keep_their_utf8_text()
    {
        var result = GtfsReader.ReadFeeds([Path.Combine(RealData.TramRail, "kumamotoshiden.gtfs.zip")]);
        Assert.Contains(result.Feeds[0].Stops, s => s.Name == "通町筋");
        Assert.DoesNotContain(result.Feeds[0].Stops, s => s.Id.Contains('\uFEFF', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(s.Id) != s.Id.Length);
    }
}
