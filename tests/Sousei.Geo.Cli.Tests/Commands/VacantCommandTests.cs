using System.Text.Json;

namespace Sousei.Geo.Cli.Tests.Commands;

public sealed class VacantCommandTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Rank_orders_by_the_documented_score_without_transit()
    {
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var houses = root.GetProperty("houses").EnumerateArray().ToList();

        // No GTFS: weights used inside 30 + hub_distance 10 + decay 10 + likelihood 10 + floor_area 5 = 65.
        // v-a: hub 10 m → 0.995; all else 1 → (30 + 9.95 + 10 + 10 + 5) / 65 × 100 = 99.923077.
        // v-b: hub 50 m → 0.975; medium/medium 0.5; 60/120 = 0.5 → (30 + 9.75 + 5 + 5 + 2.5) / 65 × 100 = 80.384615.
        // v-d: hub √(80² + 30²) = 85.44 m → 0.957280; decay high 0, likelihood low 0, 80/120 → (30 + 9.5728 + 3.3333) / 65 × 100 = 66.0093.
        // v-c (outside): hub 300 m → 0.85 → (8.5 + 10 + 10 + 5) / 65 × 100 = 51.538462.
        Assert.Equal(["v-a", "v-b", "v-d", "v-c"], houses.Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(99.923077, houses[0].GetProperty("score").GetDouble(), 5);
        Assert.Equal(80.384615, houses[1].GetProperty("score").GetDouble(), 5);
        Assert.Equal(66.0093, houses[2].GetProperty("score").GetDouble(), 3);
        Assert.Equal(51.538462, houses[3].GetProperty("score").GetDouble(), 5);
        Assert.False(houses[3].GetProperty("inside_inducement_area").GetBoolean());
        Assert.Equal(JsonValueKind.Null, houses[0].GetProperty("minutes_to_central").ValueKind);
        Assert.Equal(["v-gone"], root.GetProperty("not_ranked").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(root.GetProperty("terms_left_out").EnumerateArray(), e => e.GetString()!.StartsWith("transit", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), e => e.GetString()!.Contains("without transit terms", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("geojson")]
    public void Owner_fields_never_appear_in_any_format(string format)
    {
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", format);
        Assert.Equal(0, r.ExitCode);
        foreach (var forbidden in new[] { "owner", VacantStore.OwnerName, VacantStore.OwnerContact })
        {
            Assert.DoesNotContain(forbidden, r.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(forbidden, r.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Geojson_is_a_feature_collection_of_ranked_points_and_top_limits_it()
    {
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "geojson", "--top", "2");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        Assert.Equal("Point", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(1, features[0].GetProperty("properties").GetProperty("rank").GetInt32());
        Assert.Equal("v-a", features[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Weights_change_the_order()
    {
        // Only likelihood and floor area count: v-c (high, 240 m² → 1) and v-a (high, 120 m² → 1) tie at 100 → by id v-a, v-c.
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "json", "--weights", "inside=0,hub_distance=0,decay=0");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["v-a", "v-c", "v-b", "v-d"], doc.RootElement.GetProperty("houses").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public void With_a_gtfs_feed_the_transit_terms_are_scored()
    {
        _store.AddTram();
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Contains("transit", root.GetProperty("terms_used").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("frequent_stop", root.GetProperty("terms_used").EnumerateArray().Select(e => e.GetString()));
        var a = root.GetProperty("houses").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "v-a");
        // Walk ~10 m, wait 0–9 min, ride 6 min, walk ~10 m: the median lies between 6 and 16 minutes.
        var minutes = a.GetProperty("minutes_to_central").GetDouble();
        Assert.InRange(minutes, 6, 16);
        Assert.True(a.GetProperty("frequent_stop_nearby").GetBoolean());
    }

    [Theory]
    [InlineData("--weights", "colour=3", "unknown weight 'colour'")]
    [InlineData("--weights", "inside=-1", "must be a finite number")]
    [InlineData("--filter", "colour=red", "unknown filter key 'colour'")]
    [InlineData("--format", "pdf", "not one of")]
    [InlineData("--top", "0", "whole number")]
    [InlineData("--date", "2026-01-05", "--date: needs GTFS feeds")]
    public void Bad_options_exit_2_with_a_clear_message(string option, string value, string message)
    {
        var r = CliRun.Run("vacant", "rank", "--data", _store.Dir, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_unknown_sub_command_exits_2()
    {
        Assert.Equal(2, CliRun.Run("vacant", "--data", _store.Dir).ExitCode);
        Assert.Equal(2, CliRun.Run("vacant", "list", "--data", _store.Dir).ExitCode);
    }
}
