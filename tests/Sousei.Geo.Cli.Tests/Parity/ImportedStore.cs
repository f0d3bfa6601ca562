using Npgsql;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>A file store imported through the CLI (db migrate + import) into a schema of its own.</summary>
internal static class ImportedStore
{
    /// <summary>Imports <paramref name="dir"/> as city 43100; returns the connection string (search path = the schema).</summary>
    public static string Import(string dir)
    {
        var admin = Environment.GetEnvironmentVariable("SOUSEI_TEST_DB")
            ?? throw new InvalidOperationException("SOUSEI_TEST_DB is not set (in CI, .ci/run starts PostGIS with scripts/test-services.sh)");
        var schema = "parity_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE SCHEMA {schema}");
        var conn = new NpgsqlConnectionStringBuilder(admin) { SearchPath = $"{schema},public" }.ConnectionString;
        var migrate = CliRun.Run("db", "migrate", "--db", conn);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        var import = CliRun.Run("import", "--db", conn, "--city", "43100", dir);
        Assert.True(import.ExitCode == 0, import.Error);
        return conn;
    }

    public static void Drop(string connection)
    {
        var admin = Environment.GetEnvironmentVariable("SOUSEI_TEST_DB")!;
        var schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!.Split(',')[0];
        Execute(admin, $"DROP SCHEMA {schema} CASCADE");
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
