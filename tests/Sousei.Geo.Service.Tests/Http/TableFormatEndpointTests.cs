using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Http;

/// <summary>
/// <c>format=csv|xlsx</c> (or <c>f=</c>, OGC style) and <c>lang=ja|en</c> on the analysis endpoints with tables: the
/// files read back by the tests' own readers match the endpoint's JSON cell by cell; bad values are 400 ProblemDetails.
/// </summary>
public sealed class TableFormatEndpointTests(TransitServiceFactory factory) : IClassFixture<TransitServiceFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Density_as_csv_is_a_utf8_download_that_matches_the_json_cell_by_cell()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/density?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("density.csv", response.Content.Headers.ContentDisposition?.FileName);
        var records = CsvReadBack.Parse(await response.Content.ReadAsByteArrayAsync());
        var json = JsonNode.Parse(await client.GetStringAsync("/api/density"))!;
        var table = Tables(DensityUseCase.Instance, DensityUseCase.Instance)[0];
        Assert.Equal(["区域コード", "区・拠点", "種別", "算定方法", "年", "人口", "面積（ha）", "人口密度（人/ha）", "目標（人/ha）", "達成", "目標との差（人）"], records[0].Select(f => f.Text));
        TableJson.AssertCsv(records, Columns(table), DensityRows(json), "/api/density?format=csv");
        // The fixture by hand: 10 households of 3 in the 100 ha area (2024) = 30 persons, 0.3 persons/ha.
        var total = records[1].Select(f => f.Text).ToList();
        Assert.Equal(["inducement_area", "居住誘導区域", "", "households", "2024", "30"], total.Take(6));
        Assert.Equal(100, double.Parse(total[6], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(0.3, double.Parse(total[7], System.Globalization.CultureInfo.InvariantCulture), 5);
        Assert.Equal("false", total[9]);
    }

    [Fact]
    public async Task Hub_matrix_with_f_xlsx_is_a_workbook_whose_sheets_match_the_json()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/hubs/matrix?f=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hubs.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var book = XlsxReadBack.Open(await response.Content.ReadAsByteArrayAsync());
        var tables = Tables(HubMatrixUseCase.Instance, HubMatrixUseCase.Instance);
        Assert.Equal(tables.Select(t => t.Name), book.Sheets.Select(s => s.Name));
        var json = JsonNode.Parse(await client.GetStringAsync("/api/hubs/matrix?f=json"))!;
        var names = json["hubs"]!.AsArray().ToDictionary(h => (string)h!["id"]!, h => (string)h!["name"]!);
        var pairs = json["pairs"]!.AsArray().Select(p =>
        {
            var row = TableJson.Flatten(p);
            row["from_name"] = names[(string)p!["from"]!];
            row["to_name"] = names[(string)p["to"]!];
            return (IReadOnlyDictionary<string, JsonNode?>)row;
        }).ToList();
        var sheet = book["hub_matrix"];
        Assert.Equal(2, sheet.FrozenRows);
        Assert.Equal("所要時間中央値（分）", sheet.At(2, 6)!.Text);
        TableJson.AssertXlsx(sheet, Columns(tables[0]), pairs, "hub_matrix");
        TableJson.AssertXlsx(book["hubs"], Columns(tables[1]), json["hubs"]!.AsArray().Select(h => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(h)).ToList(), "hubs");
        // 中心拠点 → 北部拠点: the 40 tram trips of the fixture.
        Assert.Equal("40", sheet.At(3, 11)!.Value);
    }

    [Fact]
    public async Task Lang_en_gives_english_headers()
    {
        var response = await factory.CreateClient().GetAsync("/api/coverage?format=csv&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = CsvReadBack.Parse(await response.Content.ReadAsByteArrayAsync())[0].Select(f => f.Text).ToList();
        Assert.Equal(["Zone ID", "Zone", "Residents", "Residents covered", "Share covered"], header.Take(5));
    }

    [Fact]
    public async Task Vacant_ranking_as_csv_holds_no_owner_field()
    {
        var response = await factory.CreateClient().GetAsync("/api/vacant/ranking?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vacant-rank.csv", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FixtureStore.OwnerName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureStore.OwnerContact, text, StringComparison.Ordinal);
        Assert.DoesNotContain("owner", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/density?format=pdf", "format", RequestProblem.Choice)]
    [InlineData("/api/density?f=docx", "f", RequestProblem.Choice)]
    [InlineData("/api/density?format=csv&f=csv", "f", RequestProblem.Conflict)]
    [InlineData("/api/density?format=csv&lang=fr", "lang", RequestProblem.Choice)]
    [InlineData("/api/vacant/whatif?lang=en", "lang", RequestProblem.Unknown)]
    [InlineData("/api/vacant/whatif?format=csv", "format", RequestProblem.Unknown)]
    public async Task A_bad_format_f_or_lang_is_a_400_problem_naming_the_parameter(string url, string parameter, string code)
    {
        var response = await factory.CreateClient().GetAsync(url);
        await Problems.AssertBadParameter(response, parameter);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task F_is_an_alias_of_format_for_every_form()
    {
        var client = factory.CreateClient();
        Assert.Equal(await client.GetStringAsync("/api/vacant/ranking?format=geojson"), await client.GetStringAsync("/api/vacant/ranking?f=geojson"));
        Assert.Equal(await client.GetStringAsync("/api/density"), await client.GetStringAsync("/api/density?f=json"));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_table_formats_f_and_lang()
    {
        using var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var parameters = doc.RootElement.GetProperty("paths").GetProperty("/api/density").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.Clone());
        Assert.Equal(["json", "csv", "xlsx"], parameters["format"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["json", "csv", "xlsx"], parameters["f"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ja", "en"], parameters["lang"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private IReadOnlyList<Table> Tables<TRequest, TResult>(IAnalysis<TRequest, TResult> analysis, ITableOutput<TResult> output)
        where TRequest : class =>
        output.Tables(analysis.Run(factory.Services.GetRequiredService<City>(), analysis.Parse(Parameters.From(new Dictionary<string, string?>()))));

    private static List<(string Key, bool Numeric)> Columns(Table table) => table.Columns.Select(c => (c.Key, c.Kind != TableValueKind.Text)).ToList();

    private static List<IReadOnlyDictionary<string, JsonNode?>> DensityRows(JsonNode json)
    {
        var total = TableJson.Flatten(json);
        total["id"] = "inducement_area";
        total["name"] = "居住誘導区域";
        var rows = new List<IReadOnlyDictionary<string, JsonNode?>> { total };
        foreach (var zone in json["zones"]!.AsArray())
        {
            var row = TableJson.Flatten(zone);
            row["method"] = json["method"]!.DeepClone();
            row["year"] = json["year"]!.DeepClone();
            rows.Add(row);
        }

        return rows;
    }
}
