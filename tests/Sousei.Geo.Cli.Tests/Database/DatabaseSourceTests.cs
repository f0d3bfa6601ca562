using System.Text.Json.Nodes;

namespace Sousei.Geo.Cli.Tests.Database;

/// <summary>
/// Every analysis command gives the same answer from PostGIS (<c>--db CONN --city 43100</c>) as from the file
/// store it was imported from (<c>--data DIR</c>): the demo data set, imported through the CLI.
/// </summary>
public sealed class DatabaseSourceTests(DemoDatabase db) : IClassFixture<DemoDatabase>
{
    private static readonly string[] Households = ["density", "--format", "json", "--method", "households"];

    [DatabaseFact]
    public void Density_by_every_method_and_engine_matches_the_file_store()
    {
        foreach (var method in new[] { "households", "blocks", "buildings" })
        {
            var file = Json("density", "--format", "json", "--method", method, "--data", DemoDatabase.Store);
            foreach (var engine in new[] { "memory", "sql" })
            {
                var fromDb = Json("density", "--format", "json", "--method", method, "--db", db.Connection, "--city", "43100", "--engine", engine);
                AssertSameNumbers(file, fromDb, $"{method}/{engine}");
            }
        }
    }

    [DatabaseFact]
    public void Hub_matrix_vacant_ranking_whatif_and_trend_match_the_file_store()
    {
        string[][] commands =
        [
            ["hubs", "--date", "2026-05-12", "--window", "07:15-07:20", "--format", "json"],
            ["vacant", "rank", "--date", "2026-05-12", "--format", "json", "--top", "25"],
            ["whatif", "--date", "2026-05-12", "--occupy-top", "10", "--format", "json"],
            ["trend", "--format", "json"],
            [.. Households, "--year", "2015"],
        ];
        foreach (var command in commands)
        {
            var file = Json([.. command, "--data", DemoDatabase.Store]);
            var fromDb = Json([.. command, "--db", db.Connection, "--city", "43100"]);
            AssertSameNumbers(file, fromDb, string.Join(' ', command));
        }
    }

    private static JsonNode Json(params string[] args)
    {
        var r = CliRun.Run(args);
        Assert.True(r.ExitCode == 0, $"sousei {string.Join(' ', args.Where(a => !a.Contains("Host=", StringComparison.Ordinal)))}: {r.Error}");
        return JsonNode.Parse(r.Out)!;
    }

    /// <summary>Equal structure and values; numbers equal to 1e-9 relative (areas pass through PostGIS as stored doubles); notes ignored.</summary>
    internal static void AssertSameNumbers(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject eo:
                var ao = Assert.IsType<JsonObject>(actual);
                foreach (var (key, value) in eo)
                {
                    if (key is "notes" or "source" or "data")
                    {
                        continue;
                    }

                    Assert.True(ao.ContainsKey(key), $"{path}.{key} missing from the database answer");
                    AssertSameNumbers(value, ao[key], $"{path}.{key}");
                }

                break;
            case JsonArray ea:
                var aa = Assert.IsType<JsonArray>(actual);
                Assert.True(ea.Count == aa.Count, $"{path}: {ea.Count} items from the file store, {aa.Count} from the database");
                for (var i = 0; i < ea.Count; i++)
                {
                    AssertSameNumbers(ea[i], aa[i], $"{path}[{i}]");
                }

                break;
            case JsonValue ev when ev.TryGetValue<double>(out var e):
                var a = actual!.GetValue<double>();
                Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{path}: {e} from the file store, {a} from the database");
                break;
            default:
                Assert.Equal(expected?.ToJsonString(), actual?.ToJsonString());
                break;
        }
    }
}
