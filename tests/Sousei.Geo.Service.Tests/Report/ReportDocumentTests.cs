using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sousei.Geo.Service.Tests.Fixtures;
using Xunit.Abstractions;

namespace Sousei.Geo.Service.Tests.Report;

/// <summary>
/// The report document (issue 11): its KPI and every ward's figure are those of the density JSON, it is self-contained,
/// it renders in headless Chromium without console errors, and its PDF (read back by pdftotext) holds the same figures
/// on numbered A4 pages. Documents and screenshots are kept in TestResults/service.
/// </summary>
public sealed partial class ReportDocumentTests(TransitServiceFactory factory, ITestOutputHelper output) : IClassFixture<TransitServiceFactory>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly TransitServiceFactory _factory = factory;

    [GeneratedRegex("<tr data-zone=\"(?<id>[^\"]+)\"><td>(?<name>[^<]*)</td><td class=\"n\">(?<pop>[^<]*)</td><td class=\"n\">(?<area>[^<]*)</td><td class=\"n\">(?<density>[^<]*)</td><td class=\"n\">(?<gap>[^<]*)</td>")]
    private static partial Regex ZoneRow();

    private async Task<(JsonElement Density, JsonElement Report)> Json(HttpClient client)
    {
        var density = JsonDocument.Parse(await client.GetStringAsync("/api/density")).RootElement;
        var report = JsonDocument.Parse(await client.GetStringAsync("/api/report")).RootElement;
        return (density, report);
    }

    [Fact]
    public async Task The_html_report_shows_the_kpi_and_every_ward_as_the_density_json_and_asks_for_nothing_outside()
    {
        using var client = _factory.CreateClient();
        var (density, report) = await Json(client);
        var response = await client.GetAsync("/api/report.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "report-fixture.html"), html);

        // The KPI: the density method's figure (households in this store), as the JSON gives it.
        Assert.Equal("households", density.GetProperty("method").GetString());
        Assert.Equal(density.GetProperty("density_per_ha").GetDouble(), report.GetProperty("kpi").GetProperty("density_per_ha").GetDouble(), 9);
        Assert.Contains($"<span data-key=\"kpi-density\">{density.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv)}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<b data-key=\"kpi-gap\">{Math.Abs(density.GetProperty("gap_persons").GetInt64()).ToString("N0", Inv)}</b>", html, StringComparison.Ordinal);

        // Every ward's row: population, area, density and gap as in the density JSON.
        var rows = ZoneRow().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => m);
        var wards = density.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("kind").GetString() == "ward").ToList();
        Assert.Equal(2, wards.Count);
        foreach (var ward in wards)
        {
            var row = rows[ward.GetProperty("id").GetString()!];
            Assert.Equal(ward.GetProperty("name").GetString(), row.Groups["name"].Value);
            Assert.Equal(ward.GetProperty("population").GetDouble().ToString("N0", Inv), row.Groups["pop"].Value);
            Assert.Equal(ward.GetProperty("area_ha").GetDouble().ToString("N1", Inv), row.Groups["area"].Value);
            Assert.Equal(ward.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv), row.Groups["density"].Value);
            Assert.Equal(ward.GetProperty("gap_persons").GetInt64().ToString("N0", Inv), row.Groups["gap"].Value);
        }

        // Self-contained: every src and href is inline data; no script.
        Assert.DoesNotMatch("(src|href)=\"(?!data:)", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("IF101 居住誘導区域内人口割合", html, StringComparison.Ordinal);
        Assert.Contains("IF104 公共交通徒歩圏人口カバー率", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureStore.OwnerName, html, StringComparison.Ordinal);

        // The cover: the store's title, its synthetic label and its credits (store.json).
        Assert.Contains($"<h1>{FixtureStore.Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("このデータは合成データです", html, StringComparison.Ordinal);
        Assert.Contains(FixtureStore.Credit + " (CC0)", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_report_renders_in_headless_chromium_without_console_errors_or_requests()
    {
        ExternalTool.Require("node", "Debian nodejs/npm");
        ExternalTool.Require("chromium", "Debian chromium");
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Viewer, "node_modules", "playwright-core")), "run npm ci in src/Sousei.Geo.Viewer (the service build does it)");
        using var client = _factory.CreateClient();
        var page = Path.Combine(RepoPaths.Artifacts, "report-render.html");
        File.WriteAllText(page, await client.GetStringAsync("/api/report.html?lang=en"));
        var screenshot = Path.Combine(RepoPaths.Artifacts, "report.png");
        File.Delete(screenshot);

        var result = await ExternalTool.RunAsync("node", [Path.Combine("test", "report.test.mjs"), new Uri(page).AbsoluteUri, screenshot], RepoPaths.Viewer, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["CHROMIUM_PATH"] = ExternalTool.Find("chromium")! });
        output.WriteLine(result.Out + result.Error);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var found = JsonDocument.Parse(result.Out.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(0, found.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, found.GetProperty("external").GetArrayLength());
        Assert.True(found.GetProperty("images").GetArrayLength() >= 2, "the density and vacant-house maps");
        Assert.True(found.GetProperty("charts").GetInt32() >= 1);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [SkippableFact]
    public async Task The_pdf_report_is_a4_with_page_numbers_and_holds_the_kpi_and_every_ward()
    {
        ExternalTool.Require("chromium", "Debian chromium");
        ExternalTool.Require("pdftotext", "Debian poppler-utils");
        using var client = _factory.CreateClient();
        var (density, _) = await Json(client);
        var response = await client.GetAsync("/api/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = Path.Combine(RepoPaths.Artifacts, "report-fixture.pdf");
        File.WriteAllBytes(pdf, await response.Content.ReadAsByteArrayAsync());

        var text = (await ExternalTool.RunAsync("pdftotext", ["-layout", pdf, "-"])).Out;
        var info = (await ExternalTool.RunAsync("pdfinfo", [pdf])).Out;

        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, Inv);
        Assert.True(pages >= 2, info);
        Assert.Matches($@"(?m)^\s*1\s*/\s*{pages}\s*$", text);
        Assert.Matches($@"(?m)^\s*{pages}\s*/\s*{pages}\s*$", text);
        Assert.Contains(density.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv), text, StringComparison.Ordinal);
        foreach (var ward in density.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("kind").GetString() == "ward"))
        {
            // The ward's row: its name, then its population, area, density and gap on one line.
            var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(ward.GetProperty("name").GetString()!, StringComparison.Ordinal) && l.Contains(ward.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv), StringComparison.Ordinal));
            Assert.True(line is not null, $"no line for {ward.GetProperty("name").GetString()} with {ward.GetProperty("density_per_ha").GetDouble().ToString("F2", Inv)} in:\n{text}");
            Assert.Contains(ward.GetProperty("population").GetDouble().ToString("N0", Inv), line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_english_report_and_a_bad_language()
    {
        using var client = _factory.CreateClient();
        var en = await client.GetStringAsync("/api/report?format=html&lang=en");
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains("KPI: population density of the residential inducement area", en, StringComparison.Ordinal);

        var bad = await client.GetAsync("/api/report.html?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"lang\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
