using System.Globalization;
using System.Text;
using System.Text.Json;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Cli.Tests.Commands;

public sealed class DensityCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sousei-cli-" + Guid.NewGuid().ToString("N"));

    public DensityCommandTests()
    {
        Directory.CreateDirectory(_dir);
        // Area: 200 m × 100 m = 2 ha near 通町筋 (EPSG:6670 x −27,000, y −21,800).
        Write("inducement_area.geojson", Collection(Feature(Rect(0, 0, 200, 100), "{\"name\":\"area\"}")));
        Write("zones.geojson", Collection(Feature(Rect(0, 0, 100, 100), "{\"id\":\"43101\",\"name\":\"中央区\",\"kind\":\"ward\"}")));
        // 2023: 60 + 61 = 121 persons (60.5 /ha, gap 1); 2015: 130 persons (65 /ha).
        Write("households.geojson", Collection(
            Feature(Pt(50, 50), "{\"persons\":60,\"year\":2023}"),
            Feature(Pt(150, 50), "{\"persons\":61,\"year\":2023}"),
            Feature(Pt(150, 50), "{\"persons\":130,\"year\":2015}")));
        // Blocks for 2023: one 2 ha block equal to the area with 140 persons → 70 /ha.
        Write("town_blocks.geojson", Collection(Feature(Rect(0, 0, 200, 100), "{\"code\":\"b1\",\"name\":\"B1\",\"persons\":140,\"year\":2023}")));
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Json_output_has_the_documented_keys_and_hand_computed_numbers()
    {
        var r = CliRun.Run("density", "--data", _dir, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("households", root.GetProperty("method").GetString());
        Assert.Equal(2023, root.GetProperty("year").GetInt32());
        Assert.Equal(121, root.GetProperty("population").GetDouble());
        Assert.Equal(2.0, root.GetProperty("area_ha").GetDouble(), 6);
        Assert.Equal(60.5, root.GetProperty("density_per_ha").GetDouble(), 5);
        Assert.Equal(60.7, root.GetProperty("target_per_ha").GetDouble());
        Assert.False(root.GetProperty("meets_target").GetBoolean());
        Assert.Equal(1, root.GetProperty("gap_persons").GetInt64());
        var zone = Assert.Single(root.GetProperty("zones").EnumerateArray());
        Assert.Equal("43101", zone.GetProperty("id").GetString());
        Assert.Equal("中央区", zone.GetProperty("name").GetString());
        // 中央区 ∩ area = 1 ha with 60 persons; gap = ceil(60.7) − 60 = 1.
        Assert.Equal(60, zone.GetProperty("population").GetDouble());
        Assert.Equal(1.0, zone.GetProperty("area_ha").GetDouble(), 6);
        Assert.Equal(1, zone.GetProperty("gap_persons").GetInt64());
    }

    [Fact]
    public void Year_and_method_and_target_options_are_honoured()
    {
        var r = CliRun.Run("density", "--data", _dir, "--format", "json", "--year", "2015", "--target", "70");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(130, doc.RootElement.GetProperty("population").GetDouble());
        // ceil(70 × 2) − 130 = 10.
        Assert.Equal(10, doc.RootElement.GetProperty("gap_persons").GetInt64());

        var blocks = CliRun.Run("density", "--data", _dir, "--format", "json", "--method", "blocks");
        using var blockDoc = JsonDocument.Parse(blocks.Out);
        Assert.Equal(70, blockDoc.RootElement.GetProperty("density_per_ha").GetDouble(), 5);
    }

    [Fact]
    public void Text_output_puts_the_verdict_first()
    {
        var r = CliRun.Run("density", "--data", _dir);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n');
        Assert.StartsWith("BELOW the target: 60.50 < 60.7", lines[1], StringComparison.Ordinal);
        Assert.Contains("中央区", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_lists_every_year_of_every_method()
    {
        var r = CliRun.Run("density", "--data", _dir, "--trend", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var entries = doc.RootElement.GetProperty("trend").EnumerateArray()
            .Select(e => (e.GetProperty("method").GetString(), e.GetProperty("year").GetInt32())).ToList();
        Assert.Equal([("households", 2015), ("households", 2023), ("blocks", 2023)], entries);
    }

    [Theory]
    [InlineData("--year", "2019", "--year: 2019 is not in the data")]
    [InlineData("--method", "pixels", "not one of")]
    [InlineData("--target", "abc", "--target: 'abc' is not a number")]
    [InlineData("--colour", "red", "unknown option")]
    [InlineData("--crs", "EPSG:3857", "not a JGD2011")]
    public void Bad_options_exit_2_with_a_clear_message(string option, string value, string message)
    {
        var r = CliRun.Run("density", "--data", _dir, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_exits_2_naming_the_file_and_feature()
    {
        Write("households.geojson", Collection(Feature(Pt(50, 50), "{\"id\":\"h-9\",\"persons\":-3,\"year\":2023}")));
        var r = CliRun.Run("density", "--data", _dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("households.geojson", r.Error, StringComparison.Ordinal);
        Assert.Contains("feature 0 (id 'h-9')", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_runs_every_method_the_data_supports()
    {
        var r = CliRun.Run("report", "--data", _dir);
        Assert.Equal(0, r.ExitCode);
        // households 2023: 121 persons / 2 ha = 60.50, gap 1; blocks 2023: 140 / 2 = 70.00, gap 122 − 140 = −18.
        Assert.Matches(@"households\s+2023\s+121\s+60\.50\s+1\s+BELOW", r.Out);
        Assert.Matches(@"blocks\s+2023\s+140\s+70\.00\s+-18\s+meets", r.Out);
        Assert.Contains("中央区", r.Out, StringComparison.Ordinal);
        // 2015 → 2023 households: 130 → 121 persons, a decline, so the area never reaches the target.
        Assert.Contains("Trend (households 2015→2023", r.Out, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text, new UTF8Encoding(false));

    private static string Collection(params string[] f) => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", f) + "]}";

    private static string Feature(string g, string p) => $"{{\"type\":\"Feature\",\"geometry\":{g},\"properties\":{p}}}";

    private static string Pos(double x, double y)
    {
        var (lon, lat) = PlaneProjection.Kumamoto.Unproject(-27_000 + x, -21_800 + y);
        return string.Create(CultureInfo.InvariantCulture, $"[{lon:R},{lat:R}]");
    }

    private static string Pt(double x, double y) => $"{{\"type\":\"Point\",\"coordinates\":{Pos(x, y)}}}";

    private static string Rect(double x, double y, double w, double h) =>
        $"{{\"type\":\"Polygon\",\"coordinates\":[[{Pos(x, y)},{Pos(x + w, y)},{Pos(x + w, y + h)},{Pos(x, y + h)},{Pos(x, y)}]]}}";

    [Fact]
    public void Ten_digit_populations_keep_their_columns_apart()
    {
        // 12,000 points of 100,000 persons (the plausibility limit of one point) inside the area: 1,200,000,000 persons.
        using var store = new VacantStore();
        var point = VacantStore.Feature(VacantStore.Pt(75, 50), "{\"persons\":100000,\"year\":2023}");
        store.WriteFile("households.geojson", VacantStore.Collection([.. Enumerable.Repeat(point, 12_000)]));
        var r = CliRun.Run("density", "--data", store.Dir);
        Assert.True(r.ExitCode == 0, r.Error);
        // The area's row and the west zone's (the points lie in it) both hold the 1,200,000,000 persons.
        var total = r.Out.Split('\n').First(l => l.Contains(" 1,200,000,000 ", StringComparison.Ordinal));
        var header = r.Out.Split('\n').Single(l => l.StartsWith("area ", StringComparison.Ordinal));
        // Each number ends under the end of its header (terminal columns: CJK characters are two wide).
        static int Columns(string s) => s.Sum(ch => ch >= '\u2E80' ? 2 : 1);
        var headerEnd = Columns(header[..(header.IndexOf("population", StringComparison.Ordinal) + "population".Length)]);
        var valueEnd = Columns(total[..(total.IndexOf(" 1,200,000,000 ", StringComparison.Ordinal) + " 1,200,000,000".Length)]);
        Assert.Equal(headerEnd, valueEnd);
    }
}
