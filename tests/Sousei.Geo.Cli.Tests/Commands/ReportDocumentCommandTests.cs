using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Cli.Tests.RealData;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// <c>sousei report --out report.html|pdf</c> on the demo store and on the real data: the documents are produced (kept
/// in TestResults/cli for a reader), hold the KPI of the density JSON, and label a census-based store as such.
/// </summary>
public sealed class ReportDocumentCommandTests : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string Demo = Path.Combine(RepoPaths.Root, "geodata", "kumamoto");
    private readonly List<string> _dirs = [];

    private static string Artifacts
    {
        get
        {
            var dir = Path.Combine(RepoPaths.Root, "TestResults", "cli");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public void Dispose()
    {
        foreach (var d in _dirs)
        {
            Directory.Delete(d, true);
        }
    }

    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.Run([.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void The_demo_report_is_written_as_html_with_the_kpi_of_the_density_json_and_its_synthetic_label()
    {
        var html = Path.Combine(Artifacts, "report-demo.html");
        var run = CliRun.Run("report", "--data", Demo, "--out", html);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("wrote", run.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(html);
        var density = Json("density", "--data", Demo);
        Assert.Contains($"<span data-key=\"kpi-density\">{density.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv)}</span>", text, StringComparison.Ordinal);
        Assert.Contains("合成データ", text, StringComparison.Ordinal);
        Assert.Contains("この値が総合戦略の指標", text, StringComparison.Ordinal);
        foreach (var ward in density.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("kind").GetString() == "ward"))
        {
            Assert.Contains($"<tr data-zone=\"{ward.GetProperty("id").GetString()}\"><td>{ward.GetProperty("name").GetString()}</td><td class=\"n\">{ward.GetProperty("population").GetDouble().ToString("N0", Inv)}</td>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_text_report_says_which_figure_is_the_kpi_and_gives_the_national_indicators()
    {
        var run = CliRun.Run("report", "--data", Demo);

        Assert.True(run.ExitCode == 0, run.Error);
        var kpiRow = run.Out.Split('\n').Single(l => l.Contains("← KPI", StringComparison.Ordinal));
        Assert.StartsWith("  households", kpiRow, StringComparison.Ordinal);
        Assert.Contains("(strategy indicator)", kpiRow, StringComparison.Ordinal);
        Assert.Equal(2, run.Out.Split('\n').Count(l => l.EndsWith("(check)", StringComparison.Ordinal)));
        // The demo store: 354,534 households inside of 740,000 in 2023 (density --format json) = 47.9 %.
        Assert.Contains("IF101 居住誘導区域内人口割合 2023: 47.9 % of 740,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("IF104 公共交通徒歩圏人口カバー率", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_follows_the_file_name_and_pdf_needs_a_file()
    {
        var dir = Directory.CreateTempSubdirectory("sousei-report-").FullName;
        _dirs.Add(dir);

        var stdout = CliRun.Run("report", "--data", Demo, "--format", "pdf");
        Assert.Equal(2, stdout.ExitCode);
        Assert.Contains("--format pdf writes a document: give --out FILE.pdf", stdout.Error, StringComparison.Ordinal);

        var badLang = CliRun.Run("report", "--data", Demo, "--out", Path.Combine(dir, "r.html"), "--lang", "fr");
        Assert.Equal(2, badLang.ExitCode);
        Assert.Contains("--lang", badLang.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "r.html")));
    }

    [RealDataFact]
    public void The_report_on_the_real_census_data_is_labelled_census_based_and_counts_the_city_as_published()
    {
        var dir = RealStore.NewDirectory("report");
        _dirs.Add(dir);
        RealStore.CopyA55(dir);
        RealStore.CopyMesh2020(dir);
        RealStore.WriteWardZones(dir);
        RealStore.WriteHubs(dir);
        RealStore.CopyRealGtfs(dir);
        File.WriteAllText(Path.Combine(dir, "store.json"), """
            {"title": "熊本市（公開データ）", "city_code": "43100", "synthetic": false, "population_basis": "国勢調査",
             "sources": [{"layer": "inducement_area", "credit": "「国土数値情報（立地適正化計画区域データ）」（国土交通省）を加工して作成"},
                         {"layer": "town_blocks", "credit": "e-Stat 令和2年国勢調査 500mメッシュ", "year": 2020}]}
            """);
        var html = Path.Combine(Artifacts, "report-real.html");

        var run = CliRun.Run("report", "--data", dir, "--date", "2026-05-12", "--out", html);

        Assert.True(run.ExitCode == 0, run.Error);
        var report = Json("report", "--data", dir, "--date", "2026-05-12");
        var kpi = report.GetProperty("kpi");
        Assert.Equal("blocks", kpi.GetProperty("method").GetString());
        Assert.Equal("census", kpi.GetProperty("population_basis").GetString());
        Assert.False(kpi.GetProperty("strategy_indicator").GetBoolean());

        // IF101's denominator: the mesh cells weighted against the N03 wards give the published city total, 737,781.
        var share = report.GetProperty("indicators").GetProperty("IF101").GetProperty("years")[0];
        Assert.Equal(737_781, share.GetProperty("city_population").GetDouble(), 0.6);
        var text = File.ReadAllText(html);
        Assert.Contains("国勢調査", text, StringComparison.Ordinal);
        Assert.Contains("戦略の指標そのものではなく", text, StringComparison.Ordinal);
        Assert.Contains("e-Stat 令和2年国勢調査 500mメッシュ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("合成データ", text, StringComparison.Ordinal);
    }
}
