using System.Text;
using System.Text.Json.Nodes;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Cli.Tests.Parity;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// <c>--format csv|xlsx</c> of every analysis with tables, on the parity store (households with age groups, so that
/// coverage has them): each file is read back by the tests' own readers and compared cell by cell with the JSON of the
/// same command. The column keys come from the use case's tables; the values only from the files and the JSON.
/// </summary>
public sealed class TableFormatTests : IDisposable
{
    private readonly ParityStore _store = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sousei-tables-" + Guid.NewGuid().ToString("N"));

    public TableFormatTests()
    {
        Directory.CreateDirectory(_out);
        // The parity households again (2023: 20 × 2 west, 20 × 3 east; 2015: 16 × 2 each), now with their age groups.
        var households = new List<string>();
        households.AddRange(Enumerable.Repeat(VacantStore.Feature(VacantStore.Pt(75, 50), "{\"persons\":2,\"year\":2023,\"persons_65plus\":1,\"persons_0_14\":0}"), 20));
        households.AddRange(Enumerable.Repeat(VacantStore.Feature(VacantStore.Pt(150, 50), "{\"persons\":3,\"year\":2023,\"persons_65plus\":0,\"persons_0_14\":1}"), 20));
        households.AddRange(Enumerable.Repeat(VacantStore.Feature(VacantStore.Pt(75, 50), "{\"persons\":2,\"year\":2015}"), 16));
        households.AddRange(Enumerable.Repeat(VacantStore.Feature(VacantStore.Pt(150, 50), "{\"persons\":2,\"year\":2015}"), 16));
        File.WriteAllText(Path.Combine(_store.Dir, "households.geojson"), VacantStore.Collection([.. households]));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_out, true);
    }

    public static TheoryData<string> Cases => ["density", "density --trend", "trend", "hubs --arrive-by 08:30", "hubs --percentiles 25,50", "coverage", "vacant rank", "vacant rank --top 2"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Csv_reads_back_cell_by_cell_as_the_json_of_the_same_command(string command)
    {
        var args = command.Split(' ');
        var json = Json(args);
        var main = Tables(args)[0];
        var path = Path.Combine(_out, "main.csv");
        var r = CliRun.Run([.. args, "--data", _store.Dir, "--format", "csv", "--out", path]);
        Assert.True(r.ExitCode == 0, r.Error);
        var records = CsvReadBack.Parse(File.ReadAllBytes(path));
        Assert.Equal(main.Columns.Select(c => c.Header), records[0].Select(f => f.Text));
        TableJson.AssertCsv(records, Columns(main), Expected(args, json, main.Name), command + " csv");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Xlsx_reads_back_sheet_by_sheet_and_cell_by_cell_as_the_json_of_the_same_command(string command)
    {
        var args = command.Split(' ');
        var json = Json(args);
        var tables = Tables(args);
        var path = Path.Combine(_out, "book.xlsx");
        var r = CliRun.Run([.. args, "--data", _store.Dir, "--format", "xlsx", "--out", path]);
        Assert.True(r.ExitCode == 0, r.Error);
        var book = XlsxReadBack.Open(File.ReadAllBytes(path));
        Assert.Equal(tables.Select(t => t.Name), book.Sheets.Select(s => s.Name));
        foreach (var table in tables)
        {
            var sheet = book[table.Name];
            Assert.Equal(table.Title, sheet.At(1, 1)!.Text);
            Assert.Equal(table.Columns.Select(c => c.Header), Enumerable.Range(1, table.Columns.Count).Select(c => sheet.At(2, c)?.Text));
            Assert.All(Enumerable.Range(1, table.Columns.Count), c => Assert.True(book.IsBold(sheet.At(2, c)!)));
            Assert.Equal(2, sheet.FrozenRows);
            Assert.Equal(Enumerable.Range(1, table.Columns.Count), sheet.Widths.Keys.Order());
            TableJson.AssertXlsx(sheet, Columns(table), Expected(args, json, table.Name), $"{command} xlsx {table.Name}");
            // Every number is shown with its column's decimals.
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var expectedFormat = column.Kind == TableValueKind.Number && column.Decimals > 0 ? "0." + new string('0', column.Decimals) : "0";
                foreach (var cell in Enumerable.Range(3, Math.Max(sheet.RowCount - 2, 0)).Select(row => sheet.At(row, c + 1)).OfType<XlsxReadBack.Cell>().Where(_ => column.Kind != TableValueKind.Text))
                {
                    Assert.Equal(expectedFormat, book.NumberFormat(cell));
                }
            }
        }
    }

    [Fact]
    public void Coverage_has_the_age_groups_when_the_households_carry_them()
    {
        var main = Tables(["coverage"])[0];
        Assert.Contains("aged_65plus_persons", main.Columns.Select(c => c.Key));
        Assert.Contains("0〜14歳の徒歩圏人口カバー率", main.Columns.Select(c => c.Header));
        // 2023: 20 households of 1 aged 65+ in the west: the whole city has 20 such residents.
        Assert.Equal(20.0, main.Rows[0][main.IndexOf("aged_65plus_persons")]);
    }

    [Fact]
    public void Csv_on_the_terminal_is_the_file_byte_order_mark_included()
    {
        var r = CliRun.Run("density", "--data", _store.Dir, "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("\uFEFF区域コード,区・拠点,種別,算定方法,年,人口,面積（ha）,人口密度（人/ha）,目標（人/ha）,達成,目標との差（人）\r\n", r.Out, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(r.Out), TableFile.Write("csv", Tables(["density"]), IO.Tables.TableLanguage.Japanese));
    }

    [Fact]
    public void Lang_en_writes_the_english_headers_and_titles()
    {
        var path = Path.Combine(_out, "hubs.xlsx");
        Assert.Equal(0, CliRun.Run("hubs", "--data", _store.Dir, "--format", "xlsx", "--lang", "en", "--out", path).ExitCode);
        var sheet = XlsxReadBack.Open(File.ReadAllBytes(path))["hub_matrix"];
        Assert.StartsWith("Travel times between hubs by public transport", sheet.At(1, 1)!.Text, StringComparison.Ordinal);
        Assert.Equal(["From (ID)", "From", "To (ID)", "To", "Travel time, 10th percentile (min)", "Median travel time (min)"], Enumerable.Range(1, 6).Select(c => sheet.At(2, c)!.Text));
        var csv = CliRun.Run("density", "--data", _store.Dir, "--format", "csv", "--lang", "en");
        Assert.StartsWith("\uFEFFZone ID,Zone,Kind,Method,Year,Population,Area (ha),Density (persons/ha),Target (persons/ha),Meets the target,Gap to the target (persons)\r\n", csv.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_japanese_headers_are_the_planners_words()
    {
        var path = Path.Combine(_out, "hubs.xlsx");
        Assert.Equal(0, CliRun.Run("hubs", "--data", _store.Dir, "--format", "xlsx", "--out", path).ExitCode);
        var sheet = XlsxReadBack.Open(File.ReadAllBytes(path))["hub_matrix"];
        Assert.Equal(["出発地コード", "出発地", "到着地コード", "到着地", "所要時間 10パーセンタイル値（分）", "所要時間中央値（分）"], Enumerable.Range(1, 6).Select(c => sheet.At(2, c)!.Text));
        var density = Tables(["density"])[0].Columns.Select(c => c.Header).ToList();
        Assert.Equal(["区域コード", "区・拠点", "種別", "算定方法", "年", "人口", "面積（ha）", "人口密度（人/ha）", "目標（人/ha）", "達成", "目標との差（人）"], density);
    }

    [Fact]
    public void The_vacant_tables_never_hold_an_owner_field()
    {
        var csv = Path.Combine(_out, "v.csv");
        var xlsx = Path.Combine(_out, "v.xlsx");
        Assert.Equal(0, CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "csv", "--out", csv).ExitCode);
        Assert.Equal(0, CliRun.Run("vacant", "rank", "--data", _store.Dir, "--format", "xlsx", "--out", xlsx).ExitCode);
        var restricted = VacantAnalysisJson.RestrictedProperties.Concat(VacantHouseJson.RestrictedProperties).ToHashSet();
        foreach (var table in Tables(["vacant", "rank"]))
        {
            Assert.DoesNotContain(table.Columns, c => restricted.Contains(c.Key) || c.Key.Contains("owner", StringComparison.Ordinal) || c.Header.Contains("所有者", StringComparison.Ordinal));
        }

        var csvText = Encoding.UTF8.GetString(File.ReadAllBytes(csv));
        var cells = XlsxReadBack.Open(File.ReadAllBytes(xlsx)).Sheets.SelectMany(s => s.Cells.Values).Select(c => c.Text ?? "").ToList();
        foreach (var secret in new[] { VacantStore.OwnerName, VacantStore.OwnerContact })
        {
            Assert.DoesNotContain(secret, csvText, StringComparison.Ordinal);
            Assert.DoesNotContain(cells, c => c.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Equal(4, CsvReadBack.Parse(File.ReadAllBytes(csv)).Count - 1);
    }

    [Fact]
    public void Xlsx_without_out_and_a_bad_lang_are_usage_errors_naming_the_option()
    {
        var xlsx = CliRun.Run("density", "--data", _store.Dir, "--format", "xlsx");
        Assert.Equal(2, xlsx.ExitCode);
        Assert.Contains("--format xlsx writes a workbook: give --out FILE.xlsx", xlsx.Error, StringComparison.Ordinal);
        var lang = CliRun.Run("hubs", "--data", _store.Dir, "--format", "csv", "--lang", "fr");
        Assert.Equal(2, lang.ExitCode);
        Assert.Contains("--lang 'fr' is not one of: ja, en", lang.Error, StringComparison.Ordinal);
        var noTables = CliRun.Run("frequency", "--data", _store.Dir, "--format", "csv");
        Assert.Equal(2, noTables.ExitCode);
        Assert.Contains("--format 'csv' is not one of: text, json", noTables.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public void The_usage_lists_the_table_formats_and_lang_only_where_the_analysis_has_tables()
    {
        var density = CliRun.Run("density", "--help");
        Assert.Contains("[--format text|json|csv|xlsx] [--lang ja|en] [--out FILE]", density.Out + density.Error, StringComparison.Ordinal);
        var vacant = CliRun.Run("vacant", "rank", "--help");
        Assert.Contains("[--format text|json|geojson|csv|xlsx] [--lang ja|en]", vacant.Out + vacant.Error, StringComparison.Ordinal);
        var frequency = CliRun.Run("frequency", "--help");
        Assert.DoesNotContain("--lang", frequency.Out + frequency.Error, StringComparison.Ordinal);
    }

    private JsonNode Json(string[] args)
    {
        var r = CliRun.Run([.. args, "--data", _store.Dir, "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonNode.Parse(r.Out)!;
    }

    /// <summary>The use case's tables for the same command, run in process (for the column keys and headers).</summary>
    private IReadOnlyList<Table> Tables(string[] args)
    {
        var values = new Dictionary<string, string?>();
        var rest = args[0] == "vacant" ? args[2..] : args[1..];
        for (var i = 0; i < rest.Length; i++)
        {
            var name = rest[i][2..].Replace('-', '_');
            values[name] = i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal) ? rest[++i] : "true";
        }

        var source = new FileStoreSource(_store.Dir, PlaneProjection.Kumamoto);
        return args[0] switch
        {
            "density" => Run(DensityUseCase.Instance, DensityUseCase.Instance, source, values),
            "trend" => Run(TrendUseCase.Instance, TrendUseCase.Instance, source, values),
            "hubs" => Run(HubMatrixUseCase.Instance, HubMatrixUseCase.Instance, source, values),
            "coverage" => Run(CoverageUseCase.Instance, CoverageUseCase.Instance, source, values),
            _ => Run(VacantRankingUseCase.Instance, VacantRankingUseCase.Instance, source, values),
        };
    }

    private static IReadOnlyList<Table> Run<TRequest, TResult>(IAnalysis<TRequest, TResult> analysis, ITableOutput<TResult> output, ICitySource source, Dictionary<string, string?> values)
        where TRequest : class
    {
        var request = analysis.Parse(Parameters.From(values));
        return output.Tables(analysis.Run(analysis.Open(source, request), request));
    }

    private static List<(string Key, bool Numeric)> Columns(Table table) => table.Columns.Select(c => (c.Key, c.Kind != TableValueKind.Text)).ToList();

    /// <summary>The rows a table must hold, taken from the JSON alone (docs/api.md, "Tables").</summary>
    internal static IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> Expected(string[] args, JsonNode json, string table) => (args[0], table) switch
    {
        ("density", _) when json["trend"] is JsonArray trend => trend.SelectMany(r => DensityRows(r!)).ToList(),
        ("density", _) => DensityRows(json),
        ("trend", "trend") => TrendAreas(json).SelectMany(a => a["projection"]!.AsArray().Select(p => Row(new()
        {
            ["id"] = a["id"]?.DeepClone(),
            ["name"] = a["name"]?.DeepClone(),
            ["kind"] = a["kind"]?.DeepClone(),
            ["year"] = p!["year"]!.DeepClone(),
            ["density_per_ha"] = p["density_per_ha"]?.DeepClone(),
            ["target_per_ha"] = json["target_per_ha"]!.DeepClone(),
        }))).ToList(),
        ("trend", "crossing") => TrendAreas(json).Select(a => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(a)).ToList(),
        ("hubs", "hub_matrix") => HubPairs(json, json["pairs"]!),
        ("hubs", "arrive_by") => HubPairs(json, json["arrive_by"]!["pairs"]!),
        ("hubs", "hubs") => json["hubs"]!.AsArray().Select(h => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(h)).ToList(),
        ("hubs", "warnings") => json["warnings"]!.AsArray().Select(h => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(h)).ToList(),
        ("hubs", "conditions") => [TableJson.Flatten(json)],
        ("coverage", "coverage") => CoverageRows(json),
        ("coverage", "conditions") => [TableJson.Flatten(json)],
        ("vacant", "vacant_ranking") => json["houses"]!.AsArray().Select(h => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(h)).ToList(),
        ("vacant", "notes") => json["notes"]!.AsArray().Select(n => Row(new() { ["note"] = n!.DeepClone() })).ToList(),
        _ => throw new InvalidOperationException($"no expectation for {args[0]} {table}"),
    };

    private static IReadOnlyDictionary<string, JsonNode?> Row(Dictionary<string, JsonNode?> values) => values;

    /// <summary>The whole 居住誘導区域 (the top level of the JSON, id inducement_area) and then its zones, with the result's method and year.</summary>
    private static List<IReadOnlyDictionary<string, JsonNode?>> DensityRows(JsonNode result)
    {
        var total = TableJson.Flatten(result);
        total["id"] = "inducement_area";
        total["name"] = "居住誘導区域";
        var rows = new List<IReadOnlyDictionary<string, JsonNode?>> { total };
        foreach (var zone in result["zones"]!.AsArray())
        {
            var row = TableJson.Flatten(zone);
            row["method"] = result["method"]!.DeepClone();
            row["year"] = result["year"]!.DeepClone();
            rows.Add(row);
        }

        return rows;
    }

    private static IEnumerable<JsonNode> TrendAreas(JsonNode json) => [json["total"]!, .. json["zones"]!.AsArray().Select(z => z!)];

    private static List<IReadOnlyDictionary<string, JsonNode?>> HubPairs(JsonNode json, JsonNode pairs)
    {
        var names = json["hubs"]!.AsArray().ToDictionary(h => (string)h!["id"]!, h => (string)h!["name"]!);
        return pairs.AsArray().Select(p =>
        {
            var row = TableJson.Flatten(p);
            row["from_name"] = names[(string)p!["from"]!];
            row["to_name"] = names[(string)p["to"]!];
            return (IReadOnlyDictionary<string, JsonNode?>)row;
        }).ToList();
    }

    /// <summary>The whole city first (id city, 市全体; its shares are named share_of_city in the JSON), then the zones.</summary>
    private static List<IReadOnlyDictionary<string, JsonNode?>> CoverageRows(JsonNode json)
    {
        var total = TableJson.Flatten(json);
        total["id"] = "city";
        total["name"] = "市全体";
        foreach (var prefix in new[] { "", "aged_65plus_", "aged_0_14_" })
        {
            if (total.TryGetValue(prefix + "share_of_city", out var share))
            {
                total[prefix + "share"] = share?.DeepClone();
            }
        }

        return [total, .. json["zones"]!.AsArray().Select(z => (IReadOnlyDictionary<string, JsonNode?>)TableJson.Flatten(z))];
    }
}
