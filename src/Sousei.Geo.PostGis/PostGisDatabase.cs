using System.Net.Sockets;
using Npgsql;

namespace Sousei.Geo.PostGis;

/// <summary>
/// One PostGIS database: a pooled Npgsql data source with the NetTopologySuite plugin (geometry
/// columns read and written as NTS geometries, SRID kept). Errors come out as
/// <see cref="PostGisException"/> with passwords scrubbed. Thread-safe; dispose when done.
/// </summary>
public sealed class PostGisDatabase : IDisposable
{
    private readonly string _connectionString;

    private PostGisDatabase(string connectionString, NpgsqlDataSource source)
    {
        _connectionString = connectionString;
        Source = source;
    }

    /// <summary>The Npgsql data source (NetTopologySuite mapping on).</summary>
    internal NpgsqlDataSource Source { get; }

    /// <summary>user@host:port/database, without the password.</summary>
    public string Description => ConnectionStrings.Describe(_connectionString);

    /// <summary>Creates the data source; does not connect yet.</summary>
    /// <exception cref="PostGisException">The connection string is malformed.</exception>
    public static PostGisDatabase Create(string connectionString)
    {
        var normalized = ConnectionStrings.Normalize(connectionString);
        try
        {
            var builder = new NpgsqlDataSourceBuilder(normalized);
            builder.UseNetTopologySuite();
            return new PostGisDatabase(normalized, builder.Build());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PostGisException("the database connection string is not valid: " + ConnectionStrings.Scrub(e.Message, normalized));
        }
    }

    /// <summary>Opens a pooled connection.</summary>
    /// <exception cref="PostGisException">The server cannot be reached or refuses the login.</exception>
    internal NpgsqlConnection Open() => Guard(() => Source.OpenConnection(), "connect to");

    /// <summary>Runs <paramref name="action"/>, turning database errors into scrubbed <see cref="PostGisException"/>s.</summary>
    internal T Guard<T>(Func<T> action, string doing = "use")
    {
        try
        {
            return action();
        }
        catch (PostgresException e)
        {
            var detail = string.IsNullOrEmpty(e.Detail) ? "" : $" ({e.Detail})";
            // 28xxx: the login is refused; 3D000: no such database — settings. Anything else: the server cannot serve.
            var settings = e.SqlState.StartsWith("28", StringComparison.Ordinal) || e.SqlState == "3D000";
            throw new PostGisException(Scrub($"cannot {doing} the database {Description}: {e.SqlState}: {e.MessageText}{detail}"), unavailable: !settings);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or IOException)
        {
            var inner = e.InnerException is { } i ? $" ({i.Message})" : "";
            throw new PostGisException(Scrub($"cannot {doing} the database {Description}: {e.Message}{inner}"), unavailable: true);
        }
    }

    /// <summary>Scrubs this database's password (and any password pair) from a message.</summary>
    public string Scrub(string message) => ConnectionStrings.Scrub(message, _connectionString);

    public void Dispose() => Source.Dispose();
}
