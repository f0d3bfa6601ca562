using System.IO.Compression;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.IO.Tests.Gtfs;

/// <summary>
/// GTFS rules the MobilityData validator checks (issue 14): calendars that end before they start, frequencies.txt
/// (template trips expanded; headway, window and trip checked, overlaps refused), and zip entries that are corrupt
/// (CRC), encrypted or bigger than declared — each a problem naming the file (and line).
/// </summary>
public class GtfsSemanticsTests
{
    private static readonly DateOnly Day = new(2026, 5, 12);

    private const string Header = "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n";
    private const string TwoStops = Header + "T1,7:00:00,7:00:00,A,1\nT1,7:10:00,7:12:00,B,2\nT2,8:00:00,8:00:00,B,1\nT2,8:05:00,8:05:00,A,2\n";

    private static TempFeed WithFrequencies(string frequencies) => new("feed", new()
    {
        ["stops.txt"] = TempFeed.Stops,
        ["routes.txt"] = TempFeed.Routes,
        ["trips.txt"] = TempFeed.Trips,
        ["calendar.txt"] = TempFeed.Calendar,
        ["stop_times.txt"] = TwoStops,
        ["frequencies.txt"] = frequencies,
    });

    [Fact]
    public void A_calendar_that_ends_before_it_starts_is_named_with_its_line()
    {
        using var feed = new TempFeed("feed", new()
        {
            ["stops.txt"] = TempFeed.Stops,
            ["routes.txt"] = TempFeed.Routes,
            ["trips.txt"] = TempFeed.Trips,
            ["calendar.txt"] = TempFeed.Calendar + "BAD,1,1,1,1,1,0,0,20261231,20260101\n",
            ["stop_times.txt"] = TwoStops,
        });
        var p = Assert.Single(GtfsReader.ReadFeeds([feed.Path], Day).Problems);
        Assert.Equal(("gtfs.bad_value", 3L), (p.Code, p.Line!.Value));
        Assert.Contains("end_date 20260101 is before start_date 20261231", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("calendar.txt", p.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frequency_based_trip_runs_every_headway_of_its_window_with_the_template_times()
    {
        // T1's template: A 07:00, B 07:10 / 07:12. Every 20 minutes from 07:30 while before 08:30: 07:30, 07:50, 08:10.
        using var feed = WithFrequencies("trip_id,start_time,end_time,headway_secs,exact_times\nT1,07:30:00,08:30:00,1200,1\n");
        var result = GtfsReader.ReadFeeds([feed.Path], Day);
        Assert.Empty(result.Problems);
        var trips = result.Feeds.Single().Trips.Where(t => t.Id.StartsWith("feed:T1", StringComparison.Ordinal)).OrderBy(t => t.StopTimes[0].DepartureSeconds).ToList();
        Assert.Equal([(27000, 27600, 27720), (28200, 28800, 28920), (29400, 30000, 30120)],
            trips.Select(t => (t.StopTimes[0].DepartureSeconds, t.StopTimes[1].ArrivalSeconds, t.StopTimes[1].DepartureSeconds)));
        Assert.Single(result.Feeds.Single().Trips, t => t.Id == "feed:T2"); // a trip without frequencies is as it is
    }

    [Theory]
    [InlineData("T1,07:00:00,08:00:00,0", "headway_secs '0'")]
    [InlineData("T1,07:00:00,08:00:00,-60", "headway_secs '-60'")]
    [InlineData("T1,07:00:00,08:00:00,100000", "headway_secs '100000'")]
    [InlineData("T1,07:00:00,08:00:00,ten", "headway_secs 'ten'")]
    [InlineData("T1,08:00:00,07:00:00,600", "is not after start_time")]
    [InlineData("T1,08:00:00,08:00:00,600", "is not after start_time")]
    [InlineData("T9,07:00:00,08:00:00,600", "trip_id 'T9'")]
    [InlineData("T1,7h,08:00:00,600", "must be times")]
    public void A_bad_frequency_row_is_named_with_its_line(string row, string what)
    {
        using var feed = WithFrequencies("trip_id,start_time,end_time,headway_secs\n" + row + "\n");
        var p = Assert.Single(GtfsReader.ReadFeeds([feed.Path], Day).Problems);
        Assert.Equal(2L, p.Line);
        Assert.EndsWith("frequencies.txt", p.File, StringComparison.Ordinal);
        Assert.Contains(what, p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_windows_of_one_trip_are_refused()
    {
        using var feed = WithFrequencies("trip_id,start_time,end_time,headway_secs\nT1,07:00:00,08:00:00,600\nT1,07:30:00,09:00:00,600\nT2,07:30:00,09:00:00,600\n");
        var p = Assert.Single(GtfsReader.ReadFeeds([feed.Path], Day).Problems);
        Assert.Equal(("gtfs.frequency_overlap", 3L), (p.Code, p.Line!.Value));
        Assert.Contains("line 2", p.Message, StringComparison.Ordinal);
    }

    private static string Zip(TempFeed feed)
    {
        var zip = feed.Path + ".zip";
        ZipFile.CreateFromDirectory(feed.Path, zip);
        return zip;
    }

    [Fact]
    public void A_zip_entry_whose_data_does_not_match_its_crc_is_refused_naming_it()
    {
        using var feed = TempFeed.Simple(TwoStops);
        var zip = Zip(feed);
        // Flip one byte inside stop_times.txt's stored data (written uncompressed so that the byte is the data).
        File.Delete(zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(feed.Path))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.NoCompression);
            }
        }

        var bytes = File.ReadAllBytes(zip);
        var at = IndexOf(bytes, "T1,7:10:00"u8);
        bytes[at + 3] = (byte)'8';
        File.WriteAllBytes(zip, bytes);
        var p = Assert.Single(GtfsReader.ReadFeeds([zip], Day).Problems);
        Assert.Equal("gtfs.unreadable", p.Code);
        Assert.Contains("stop_times.txt: the CRC-32 of its data does not match", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_flagged_as_encrypted_is_refused_naming_it()
    {
        using var feed = TempFeed.Simple(TwoStops);
        var zip = Zip(feed);
        var bytes = File.ReadAllBytes(zip);
        // Set bit 0 (encrypted) of the general-purpose flags in stops.txt's central directory record (signature PK\1\2).
        var name = IndexOf(bytes, "stops.txt"u8, IndexOf(bytes, "PK\u0001\u0002"u8));
        var central = LastIndexOf(bytes, "PK\u0001\u0002"u8, name);
        bytes[central + 8] |= 1;
        File.WriteAllBytes(zip, bytes);
        var p = Assert.Single(GtfsReader.ReadFeeds([zip], Day).Problems);
        Assert.Contains("stops.txt is encrypted", p.Message, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what, int from = 0) => from + bytes.AsSpan(from).IndexOf(what);

    private static int LastIndexOf(byte[] bytes, ReadOnlySpan<byte> what, int before) => bytes.AsSpan(0, before).LastIndexOf(what);
}
