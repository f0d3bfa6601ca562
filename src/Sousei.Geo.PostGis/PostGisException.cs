namespace Sousei.Geo.PostGis;

/// <summary>
/// A database operation failed (unreachable server, refused login, missing schema). The message
/// never holds a password: every message from Npgsql is scrubbed with <see cref="ConnectionStrings.Scrub"/>.
/// </summary>
public sealed class PostGisException(string message) : Exception(message);
