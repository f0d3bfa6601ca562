using System.Diagnostics;
using Npgsql;

namespace Sousei.Geo.Cli.Tests.Database;

/// <summary>
/// An import survives <c>kill -9</c> at any moment (issue 14): the city is exactly as before or exactly as after — the
/// row counts of every layer and the sum of persons — never between. A small store is imported first, then the demo
/// store's import (a separate <c>sousei</c> process) is killed at several points of its run.
/// </summary>
public sealed class KillDuringImportTests : IDisposable
{
    private readonly string? _admin = Environment.GetEnvironmentVariable("SOUSEI_TEST_DB");
    private readonly string _schema = "kill_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _dirs = [];

    public void Dispose()
    {
        if (!string.IsNullOrWhiteSpace(_admin))
        {
            Execute(_admin, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }

        foreach (var d in _dirs)
        {
            Directory.Delete(d, true);
        }
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Counts per layer and the households' persons of city 43100.</summary>
    private static string Snapshot(string connection)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        var parts = new List<string>();
        foreach (var table in new[] { "inducement_area", "zones", "hubs", "households", "town_blocks", "buildings", "vacant_houses", "vacant_house_owners", "gtfs_files", "store_metadata" })
        {
            using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE city_code = '43100'", c);
            parts.Add($"{table}={cmd.ExecuteScalar()}");
        }

        using var persons = new NpgsqlCommand("SELECT coalesce(sum(persons), 0) FROM households WHERE city_code = '43100'", c);
        parts.Add($"persons={persons.ExecuteScalar()}");
        return string.Join(" ", parts);
    }

    private static Process StartImport(string connection, string store)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "sousei.dll"), "import", "--db", connection, "--city", "43100", store })
        {
            start.ArgumentList.Add(a);
        }

        var p = Process.Start(start)!;
        p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        return p;
    }

    [DatabaseFact]
    public void A_killed_import_leaves_the_city_exactly_as_before_and_a_finished_one_exactly_as_after()
    {
        Execute(_admin!, $"CREATE SCHEMA {_schema}");
        var conn = new NpgsqlConnectionStringBuilder(_admin!) { SearchPath = $"{_schema},public" }.ConnectionString;
        Assert.Equal(0, CliRun.Run("db", "migrate", "--db", conn).ExitCode);

        // Before: the demo's plan areas and hubs with three households.
        var small = Directory.CreateTempSubdirectory("sousei-kill-").FullName;
        _dirs.Add(small);
        foreach (var layer in new[] { "inducement_area.geojson", "zones.geojson", "hubs.geojson" })
        {
            File.Copy(Path.Combine(DemoDatabase.Store, layer), Path.Combine(small, layer));
        }

        File.WriteAllText(Path.Combine(small, "households.geojson"), """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[130.71,32.80]},"properties":{"persons":2,"year":2023}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[130.72,32.80]},"properties":{"persons":3,"year":2023}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[130.73,32.80]},"properties":{"persons":4,"year":2023}}]}
            """);
        var first = CliRun.Run("import", "--db", conn, "--city", "43100", small);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = Snapshot(conn);

        var clock = Stopwatch.StartNew();
        var killed = 0;
        foreach (var delayMs in new[] { 300, 1200, 2500, 4000, 6000 })
        {
            using var import = StartImport(conn, DemoDatabase.Store);
            Thread.Sleep(delayMs);
            if (!import.HasExited)
            {
                import.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no rollback by the client
                killed++;
            }

            import.WaitForExit();
            var now = Snapshot(conn);
            if (import.ExitCode == 0)
            {
                break; // it finished before the kill: "after", checked below
            }

            Assert.True(now == before, $"killed after {delayMs} ms the city is neither before nor after:\n{now}\nbefore:\n{before}");
        }

        Assert.True(killed >= 2, $"only {killed} imports were still running when killed; the import took less than the delays");
        var done = CliRun.Run("import", "--db", conn, "--city", "43100", DemoDatabase.Store);
        Assert.True(done.ExitCode == 0, done.Error);
        var after = Snapshot(conn);
        Assert.NotEqual(before, after);
        Assert.Contains("store_metadata=1", after, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4));
    }
}
