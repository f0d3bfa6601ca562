using System.Text.Json;

namespace Sousei.Geo.Cli.Tests.Commands;

public sealed class TrendCommandTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Projection_gives_the_crossing_year_of_the_area_and_each_zone()
    {
        var r = CliRun.Run("trend", "--data", _store.Dir, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(2015, root.GetProperty("first_year").GetInt32());
        Assert.Equal(2023, root.GetProperty("last_year").GetInt32());
        Assert.StartsWith("compound annual growth rate", root.GetProperty("model").GetString(), StringComparison.Ordinal);

        // Area: 64 → 100 persons over 8 years, r = 1.5625^(1/8) − 1. Needs 121.4: 2026 → 100 × 1.5625^(3/8) ≈ 118.2;
        // 2027 → 100 × 1.5625^(4/8) = 125 ≥ 121.4.
        var total = root.GetProperty("total");
        Assert.Equal("crosses", total.GetProperty("status").GetString());
        Assert.Equal(2027, total.GetProperty("crossing_year").GetInt32());
        Assert.Equal(Math.Pow(1.5625, 1.0 / 8) - 1, total.GetProperty("annual_growth_rate").GetDouble(), 7);

        // West 32 → 40 on 1 ha: 2037 → 40 × 1.25^(14/8) ≈ 59.1; 2038 → 40 × 1.25^(15/8) ≈ 60.78 ≥ 60.7.
        // East 32 → 60: 2024 → 60 × 1.875^(1/8) ≈ 64.8 ≥ 60.7.
        var zones = root.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("id").GetString()!);
        Assert.Equal(2038, zones["west"].GetProperty("crossing_year").GetInt32());
        Assert.Equal(2024, zones["east"].GetProperty("crossing_year").GetInt32());
        Assert.True(total.GetProperty("projection").GetArrayLength() > 1);
    }

    [Fact]
    public void Report_shows_the_projection()
    {
        var r = CliRun.Run("report", "--data", _store.Dir);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Trend (households 2015→2023, compound annual growth, area constant): whole area crosses in 2027", r.Out, StringComparison.Ordinal);
        Assert.Contains("West crosses in 2038", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_names_the_model_and_the_verdicts()
    {
        var r = CliRun.Run("trend", "--data", _store.Dir, "--horizon", "2030");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("model: compound annual growth rate", r.Out, StringComparison.Ordinal);
        Assert.Contains("crosses in 2027", r.Out, StringComparison.Ordinal);
        Assert.Contains("below; not by 2030", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2019", "--from: 2019 is not in the data")]
    [InlineData("--to", "2020", "--to: 2020 is not in the data")]
    [InlineData("--horizon", "2000", "before the last year")]
    [InlineData("--method", "blocks", "needs town_blocks")]
    public void Bad_options_exit_2(string option, string value, string message)
    {
        var r = CliRun.Run("trend", "--data", _store.Dir, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
    }
}
