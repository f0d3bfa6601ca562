using System.Text.Json.Nodes;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Cli.Tests;

/// <summary>
/// DuckDB (npm @duckdb/node-api, its own binary and Parquet reader and writer), run through the viewer's
/// <c>test/duckdb-query.mjs</c>: the independent GeoParquet reader and writer of the tests (issue 12).
/// </summary>
internal static class DuckDb
{
    /// <summary>Returns when node and the package are there; otherwise fails in CI, or skips the test with the reason.</summary>
    public static void Require()
    {
        ExternalTool.Require("node", "nodejs");
        Skip.IfNot(Directory.Exists(Path.Combine(RepoPaths.Root, "src", "Sousei.Geo.Viewer", "node_modules", "@duckdb", "node-api")) || ExternalTool.InCi,
            "src/Sousei.Geo.Viewer/node_modules/@duckdb/node-api is missing (npm ci there)");
    }

    /// <summary>Runs the statements in one in-memory database; the rows of the last, as JSON objects.</summary>
    public static async Task<JsonArray> Query(params string[] sql)
    {
        var viewer = Path.Combine(RepoPaths.Root, "src", "Sousei.Geo.Viewer");
        var result = await ExternalTool.RunAsync("node", ["test/duckdb-query.mjs", .. sql], viewer);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!.AsArray();
    }
}
