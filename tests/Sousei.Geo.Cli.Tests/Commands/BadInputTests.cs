namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// Bad input across commands: a one-line message naming the option, file or feature, exit code 2, never an
/// internal error or a stack trace, and never a half-written output file.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    private static void AssertClearError(CliRun.Outcome r, params string[] mentioned)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        foreach (var m in mentioned)
        {
            Assert.Contains(m, r.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("15,abc")]
    public void Isochrone_minutes_out_of_range_name_the_minutes_option(string minutes)
    {
        var r = CliRun.Run("isochrone", "--data", _store.Dir, "--hub", "c", "--date", "2026-05-12", "--minutes", minutes);
        AssertClearError(r, "--minutes", minutes);
        Assert.DoesNotContain("--percentiles", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_into_a_missing_directory_names_the_directory_and_writes_nothing()
    {
        var missing = Path.Combine(_store.Dir, "no-such-folder");
        var r = CliRun.Run("map", "--data", _store.Dir, "--out", Path.Combine(missing, "map.png"));
        AssertClearError(r, "--out", missing, "does not exist");
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Export_vacant_to_a_directory_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_store.Dir, "out")).FullName;
        var r = CliRun.Run("export", "vacant", "--data", _store.Dir, "--out", folder);
        AssertClearError(r, "--out", folder, "is a directory");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Export_vacant_leaves_only_the_finished_file()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_store.Dir, "out")).FullName;
        var output = Path.Combine(folder, "vacant.geojson");
        var r = CliRun.Run("export", "vacant", "--data", _store.Dir, "--out", output);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal([output], Directory.EnumerateFileSystemEntries(folder));
        Assert.Contains("\"v-a\"", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_data_into_an_existing_file_is_refused()
    {
        var file = _store.WriteFile("not-a-folder", "x");
        var r = CliRun.Run("demo-data", "--out", file, "--scale", "0.001");
        AssertClearError(r, "--out", file, "is a file");
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("vacant", "rank")]
    [InlineData("whatif", "--occupy-top", "3")]
    public void Ranking_without_vacant_houses_says_so(params string[] command)
    {
        _store.WriteFile("vacant_houses.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        var r = CliRun.Run([.. command, "--data", _store.Dir]);
        AssertClearError(r, "no vacant houses", "vacant_houses.geojson");
    }

    [Fact]
    public void A_vacant_house_with_an_unknown_status_is_named_by_file_line_and_id()
    {
        var text = File.ReadAllText(Path.Combine(_store.Dir, "vacant_houses.geojson")).Replace("\"status\":\"listed\"", "\"status\":\"sold\"", StringComparison.Ordinal);
        _store.WriteFile("vacant_houses.geojson", text);
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir);
        // VacantStore writes the whole collection on line 1; v-b is feature 1.
        AssertClearError(r, "vacant_houses.geojson:1: feature 1 (id 'v-b')", "'sold'", "[attribute.status]");
    }

    [Fact]
    public void A_gtfs_stops_file_with_an_unclosed_quote_is_named()
    {
        _store.AddTram();
        var stops = Path.Combine(_store.Dir, "gtfs", "tram", "stops.txt");
        File.WriteAllText(stops, File.ReadAllText(stops).Replace("S2,Two,", "S2,\"Two,", StringComparison.Ordinal));
        var r = CliRun.Run("hubs", "--data", _store.Dir, "--date", "2026-05-12");
        AssertClearError(r, "tram/stops.txt:3", "never closed", "[gtfs.unclosed_quote]");
    }

    [Fact]
    public void Report_with_only_the_central_hub_explains_why_hub_connectivity_is_missing()
    {
        // One hub only: the report used to fail with "internal error: Sequence contains no elements".
        _store.AddTram();
        var hubs = File.ReadAllText(Path.Combine(_store.Dir, "hubs.geojson"));
        var central = hubs[hubs.LastIndexOf("{\"type\":\"Feature\"", StringComparison.Ordinal)..^2];
        Assert.Contains("\"kind\":\"central\"", central, StringComparison.Ordinal);
        _store.WriteFile("hubs.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + central + "]}");

        var r = CliRun.Run("report", "--data", _store.Dir);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("left out: hubs — needs a hub of kind 'central' and at least one other hub", r.Out, StringComparison.Ordinal);
        Assert.Contains("1 hub(s), 1 central", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Accessibility_where_no_household_can_walk_to_a_stop_runs()
    {
        // An access radius of 0 m leaves every household without a stop: nothing to route, used to crash in the partitioner.
        _store.AddTram();
        var r = CliRun.Run("accessibility", "--data", _store.Dir, "--date", "2026-05-12", "--access-radius", "0", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
    }
}
