using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sousei.Geo.Tests;

/// <summary>
/// (Shared by the test projects that check table files.) Compares the rows of a CSV or XLSX table, read back by
/// <see cref="CsvReadBack"/> or <see cref="XlsxReadBack"/>, cell by cell with rows taken from the JSON of the same
/// run: a column's key names the JSON value (nested keys joined with <c>_</c>, see <see cref="Flatten"/>); a number
/// must be a numeric cell of exactly the JSON's value, text and booleans (true/false) the same text, null or absent an empty cell.
/// </summary>
internal static class TableJson
{
    /// <summary>
    /// The values of a JSON object by flat key: nested objects as <c>outer_inner</c>, arrays of strings joined with
    /// commas (an empty array is null), arrays of objects left out; other values as they are.
    /// </summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonNode? node, string prefix = "")
    {
        var flat = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in node!.AsObject())
        {
            var name = prefix + key;
            switch (value)
            {
                case JsonObject o:
                    foreach (var (k, v) in Flatten(o, name + "_"))
                    {
                        flat[k] = v;
                    }

                    break;
                case JsonArray a when a.All(x => x?.GetValueKind() == JsonValueKind.String):
                    flat[name] = a.Count == 0 ? null : JsonValue.Create(string.Join(",", a.Select(x => (string?)x)));
                    break;
                case JsonArray:
                    // An array of objects (the zones of a result) is rows of their own, not a value.
                    break;
                default:
                    flat[name] = value?.DeepClone();
                    break;
            }
        }

        return flat;
    }

    /// <summary>The data records of a CSV (after its header) against <paramref name="expected"/>.</summary>
    public static void AssertCsv(IReadOnlyList<IReadOnlyList<CsvReadBack.Field>> records, IReadOnlyList<(string Key, bool Numeric)> columns, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> expected, string what)
    {
        Assert.True(records.Count - 1 == expected.Count, $"{what}: {records.Count - 1} CSV rows, {expected.Count} in the JSON");
        for (var r = 0; r < expected.Count; r++)
        {
            var record = records[r + 1];
            Assert.True(record.Count == columns.Count, $"{what} row {r + 1}: {record.Count} fields for {columns.Count} columns");
            for (var c = 0; c < columns.Count; c++)
            {
                var field = record[c];
                var where = $"{what} row {r + 1} {columns[c].Key}";
                if (columns[c].Numeric && field.Text.Length > 0)
                {
                    Assert.False(field.Quoted, $"{where}: a number is written unquoted");
                }

                AssertCell(Expected(expected[r], columns[c].Key), field.Text.Length == 0 ? null : field.Text, field.Text.Length > 0 && !field.Quoted && columns[c].Numeric, where);
            }
        }
    }

    /// <summary>The rows of an XLSX sheet from <paramref name="firstRow"/> (one-based) against <paramref name="expected"/>.</summary>
    public static void AssertXlsx(XlsxReadBack.Sheet sheet, IReadOnlyList<(string Key, bool Numeric)> columns, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> expected, string what, int firstRow = 3)
    {
        Assert.True(Math.Max(sheet.RowCount - firstRow + 1, 0) == expected.Count, $"{what}: {sheet.RowCount - firstRow + 1} sheet rows, {expected.Count} in the JSON");
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.At(firstRow + r, c + 1);
                var where = $"{what} {XlsxColumn(c)}{firstRow + r} {columns[c].Key}";
                var numeric = cell is not null && cell.Type is null or "n";
                if (columns[c].Numeric && cell is not null)
                {
                    Assert.True(numeric, $"{where}: a number is a numeric cell, not t=\"{cell.Type}\"");
                }

                AssertCell(Expected(expected[r], columns[c].Key), cell?.Text, numeric, where);
            }
        }
    }

    private static JsonNode? Expected(IReadOnlyDictionary<string, JsonNode?> row, string key) => row.TryGetValue(key, out var v) ? v : null;

    private static void AssertCell(JsonNode? expected, string? actual, bool actualIsNumber, string where)
    {
        switch (expected?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                Assert.True(actual is null, $"{where}: expected an empty cell, got '{actual}'");
                break;
            case JsonValueKind.Number:
                Assert.True(actualIsNumber && actual is not null, $"{where}: expected the number {expected.ToJsonString()}, got '{actual}'");
                Assert.True(expected.GetValue<double>() == double.Parse(actual!, NumberStyles.Float, CultureInfo.InvariantCulture), $"{where}: JSON {expected.ToJsonString()}, table {actual}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(expected.ToJsonString() == actual, $"{where}: JSON {expected.ToJsonString()}, table '{actual}'");
                break;
            default:
                Assert.True(!actualIsNumber && expected.GetValue<string>() == actual, $"{where}: JSON {expected.ToJsonString()}, table '{actual}'");
                break;
        }
    }

    private static string XlsxColumn(int c) => c < 26 ? ((char)('A' + c)).ToString() : ((char)('A' + c / 26 - 1)).ToString() + (char)('A' + c % 26);
}
