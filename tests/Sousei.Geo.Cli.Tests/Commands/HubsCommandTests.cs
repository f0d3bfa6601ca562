using System.Text.Json;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>The hub matrix on the embedded demo data (geodata/kumamoto, synthetic trunk GTFS).</summary>
public class HubsCommandTests
{
    private static readonly string Demo = Path.Combine(RepoPaths.Root, "geodata", "kumamoto");

    [Fact]
    public void A_one_minute_window_gives_that_departure_in_every_percentile()
    {
        var r = CliRun.Run("hubs", "--data", Demo, "--date", "2026-05-12", "--window", "07:15-07:16", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("2026-05-12", root.GetProperty("date").GetString());
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(16 * 15, pairs.Count);
        foreach (var p in pairs)
        {
            var t = p.GetProperty("travel_minutes");
            Assert.Equal(t.GetProperty("p10").GetRawText(), t.GetProperty("p50").GetRawText());
            Assert.Equal(t.GetProperty("p50").GetRawText(), t.GetProperty("p90").GetRawText());
        }

        var hubs = root.GetProperty("hubs").EnumerateArray().ToList();
        Assert.Equal(16, hubs.Count);
        Assert.All(hubs, h => Assert.True(h.GetProperty("trips_per_day").GetInt32() > 0));
        Assert.Contains(hubs, h => h.GetProperty("name").GetString() == "健軍");
    }

    [Fact]
    public void Percentiles_are_ordered_over_a_two_hour_window()
    {
        var r = CliRun.Run("hubs", "--data", Demo, "--date", "2026-05-12", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        foreach (var p in doc.RootElement.GetProperty("pairs").EnumerateArray())
        {
            var t = p.GetProperty("travel_minutes");
            if (t.GetProperty("p90").ValueKind == JsonValueKind.Number)
            {
                Assert.True(t.GetProperty("p10").GetDouble() <= t.GetProperty("p50").GetDouble());
                Assert.True(t.GetProperty("p50").GetDouble() <= t.GetProperty("p90").GetDouble());
            }
        }
    }

    [Theory]
    [InlineData("--date", "2026-13-01", "--date")]
    [InlineData("--window", "09:00-07:00", "--window")]
    public void Bad_options_exit_2(string option, string value, string mentioned)
    {
        var args = new List<string> { "hubs", "--data", Demo, "--date", "2026-05-12" };
        var i = args.IndexOf(option);
        if (i >= 0)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var r = CliRun.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(mentioned, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_without_service_is_a_clear_error()
    {
        // The demo feed runs on weekdays only; 2026-05-10 is a Sunday.
        var r = CliRun.Run("hubs", "--data", Demo, "--date", "2026-05-10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("2026-05-10", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }
}
