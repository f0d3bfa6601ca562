using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Sousei.Geo.PostGis.Schema;

/// <summary>
/// Applies the embedded, numbered SQL migrations (<c>Migrations/NNNN_name.sql</c>) in order, each
/// once, recording version, name and checksum in <c>schema_migrations</c>. All pending migrations
/// run in one transaction under an advisory lock, so two concurrent runs do not race and a failing
/// migration leaves the schema as it was. Works in the first schema of the search path.
/// </summary>
public static partial class Migrator
{
    /// <summary>One embedded migration.</summary>
    public sealed record Migration(int Version, string Name, string Sql)
    {
        /// <summary>SHA-256 of the SQL text, hex: detects a migration edited after it was applied.</summary>
        public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    /// <summary>What a run did: the version before and after, and the migrations applied now.</summary>
    public sealed record Report(int VersionBefore, int VersionAfter, IReadOnlyList<Migration> Applied);

    /// <summary>Every embedded migration, by version.</summary>
    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>; a no-op when it is there already.</summary>
    /// <exception cref="PostGisException">The database is unreachable, or an applied migration was changed.</exception>
    public static Report Migrate(PostGisDatabase db) => db.Guard(() =>
    {
        using var conn = db.Open();
        using var tx = conn.BeginTransaction();
        using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                SELECT pg_advisory_xact_lock(hashtext('sousei.migrate:' || coalesce(current_schema(), '')));
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """;
            cmd.ExecuteNonQuery();
        }

        var applied = new Dictionary<int, string>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT version, checksum FROM schema_migrations";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var before = applied.Count == 0 ? 0 : applied.Keys.Max();
        var now = new List<Migration>();
        foreach (var m in All)
        {
            if (applied.TryGetValue(m.Version, out var checksum))
            {
                if (checksum != m.Checksum)
                {
                    throw new PostGisException($"migration {m.Version} ({m.Name}) was changed after it was applied to {db.Description}; write a new migration instead of editing an applied one");
                }

                continue;
            }

            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = m.Sql;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)";
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = m.Version });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = m.Name });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = m.Checksum });
            cmd.ExecuteNonQuery();
            now.Add(m);
        }

        tx.Commit();
        return new Report(before, now.Count > 0 ? now[^1].Version : before, now);
    }, "migrate");

    /// <summary>The schema's version (0 when never migrated).</summary>
    public static int CurrentVersion(PostGisDatabase db) => db.Guard(() =>
    {
        using var conn = db.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END";
        if (Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }, "read the schema version of");

    /// <summary>Throws unless the schema is at <see cref="LatestVersion"/>.</summary>
    public static void RequireCurrent(PostGisDatabase db)
    {
        var version = CurrentVersion(db);
        if (version != LatestVersion)
        {
            throw new PostGisException($"the database {db.Description} is at schema version {version}, this build needs {LatestVersion}: run `sousei db migrate --db …` first");
        }
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "Sousei.Geo.PostGis.Migrations.";
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^4];
            var match = MigrationName().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"embedded migration '{file}' is not named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migrations must be numbered 1, 2, 3, … without gaps; found {list[i].Version} at position {i + 1}");
            }
        }

        return list;
    }

    [GeneratedRegex(@"^([0-9]{4})_([a-z0-9_]+)$")]
    private static partial Regex MigrationName();
}
