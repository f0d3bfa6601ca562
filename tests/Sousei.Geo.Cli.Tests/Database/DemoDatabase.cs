using Npgsql;

namespace Sousei.Geo.Cli.Tests.Database;

/// <summary>The demo file store imported once through the CLI (db migrate + import) into a schema of its own.</summary>
public sealed class DemoDatabase : IDisposable
{
    private readonly Lazy<string> _connection;
    private string? _schema;
    private string? _admin;

    public DemoDatabase()
    {
        _connection = new Lazy<string>(Import);
    }

    public static string Store => Path.Combine(RepoPaths.Root, "geodata", "kumamoto");

    /// <summary>The connection string (search path set to the schema); imports on first use.</summary>
    public string Connection => _connection.Value;

    private string Import()
    {
        _admin = Environment.GetEnvironmentVariable("SOUSEI_TEST_DB");
        if (string.IsNullOrWhiteSpace(_admin))
        {
            throw new InvalidOperationException("SOUSEI_TEST_DB is not set (in CI, .ci/run starts PostGIS with scripts/test-services.sh)");
        }

        _schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        Execute(_admin, $"CREATE SCHEMA {_schema}");
        var conn = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = $"{_schema},public" }.ConnectionString;
        var migrate = CliRun.Run("db", "migrate", "--db", conn);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        var import = CliRun.Run("import", "--db", conn, "--city", "43100", Store);
        Assert.True(import.ExitCode == 0, import.Error);
        return conn;
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_schema is not null && _admin is not null)
        {
            Execute(_admin, $"DROP SCHEMA {_schema} CASCADE");
        }
    }
}
