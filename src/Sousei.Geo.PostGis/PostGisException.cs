namespace Sousei.Geo.PostGis;

/// <summary>
/// A database operation failed (unreachable server, refused login, missing schema). The message
/// never holds a password: every message from Npgsql is scrubbed with <see cref="ConnectionStrings.Scrub"/>.
/// <see cref="Unavailable"/> tells a database that cannot be reached or answer (the CLI's exit 3) from settings that
/// are wrong (a connection string that does not parse, a refused login, no such database: exit 2).
/// </summary>
public sealed class PostGisException(string message, bool unavailable = false) : Exception(message)
{
    public bool Unavailable { get; } = unavailable;
}
