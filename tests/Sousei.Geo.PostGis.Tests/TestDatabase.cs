using Npgsql;

namespace Sousei.Geo.PostGis.Tests;

/// <summary>
/// A fresh schema for one test in the database of SOUSEI_TEST_DB, migrated; dropped on dispose.
/// <see cref="Db"/> works in that schema (search path = schema, public).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string schema, bool migrate)
    {
        _admin = admin;
        Schema = schema;
        Execute($"CREATE SCHEMA {schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = $"{schema},public" }.ConnectionString;
        Db = PostGisDatabase.Create(ConnectionString);
        if (migrate)
        {
            Sousei.Geo.PostGis.Schema.Migrator.Migrate(Db);
        }
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Schema { get; }

    public string ConnectionString { get; }

    public PostGisDatabase Db { get; }

    public static TestDatabase Create(bool migrate = true)
    {
        var admin = Environment.GetEnvironmentVariable("SOUSEI_TEST_DB");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("SOUSEI_TEST_DB is not set" + (InCi ? " in CI: .ci/run must start PostGIS with scripts/test-services.sh" : ""));
        }

        return new TestDatabase(admin, "t_" + Guid.NewGuid().ToString("N")[..16], migrate);
    }

    public object? Scalar(string sql, params object[] values)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var v in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        return cmd.ExecuteScalar();
    }

    public long Count(string table, string city = "43100") => Convert.ToInt64(Scalar($"SELECT count(*) FROM {table} WHERE city_code = $1", city), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fingerprint of every row of every table of the schema: equal fingerprints, equal contents.</summary>
    public string Snapshot()
    {
        var tables = new List<string>();
        using (var conn = new NpgsqlConnection(ConnectionString))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = Schema });
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        return string.Join("\n", tables.Select(t => $"{t}: {Scalar($"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {t} x")}"));
    }

    private void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(_admin);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Db.Dispose();
        try
        {
            Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
        catch (NpgsqlException)
        {
            // Best effort: the cluster is thrown away at the end of the run.
        }
    }
}
