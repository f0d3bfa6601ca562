using System.Text.RegularExpressions;
using Npgsql;

namespace Sousei.Geo.PostGis;

/// <summary>
/// Connection strings: Npgsql key=value form or a <c>postgres://user:password@host:port/db</c> URI,
/// from <c>--db</c> or the <c>SOUSEI_DB</c> environment variable. <see cref="Scrub"/> removes
/// passwords from any text before it reaches a log or an error message.
/// </summary>
public static partial class ConnectionStrings
{
    /// <summary>The environment variable read when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "SOUSEI_DB";

    /// <summary>Turns a URI into Npgsql's key=value form; other text is returned unchanged.</summary>
    /// <exception cref="PostGisException">The text is not a connection string.</exception>
    public static string Normalize(string connectionString)
    {
        var s = connectionString.Trim();
        if (!s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return s;
        }

        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri))
        {
            throw new PostGisException("the database URI cannot be parsed: " + Scrub(s, s));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Removes passwords from <paramref name="text"/>: the password of <paramref name="connectionString"/>
    /// wherever it appears, any <c>Password=…</c> / <c>pwd=…</c> pair and the password part of a URI.
    /// </summary>
    public static string Scrub(string text, string? connectionString = null)
    {
        var result = text;
        if (!string.IsNullOrEmpty(connectionString))
        {
            foreach (var secret in PasswordsOf(connectionString))
            {
                if (secret.Length > 0)
                {
                    result = result.Replace(secret, "***", StringComparison.Ordinal);
                }
            }
        }

        result = PasswordPair().Replace(result, m => m.Groups[1].Value + "=***");
        return UriPassword().Replace(result, m => m.Groups[1].Value + ":***@");
    }

    /// <summary>Host, port, database and user, for messages: never the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Username ?? "?"}@{b.Host ?? "localhost"}:{b.Port}/{b.Database ?? b.Username ?? "?"}";
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }

    private static IEnumerable<string> PasswordsOf(string connectionString)
    {
        string? password = null;
        try
        {
            password = new NpgsqlConnectionStringBuilder(Normalize(connectionString)).Password;
        }
        catch (Exception e) when (e is ArgumentException or PostGisException or FormatException)
        {
            // Unparsable: the regular expressions below still catch password pairs.
        }

        if (password is not null)
        {
            yield return password;
        }

        foreach (Match m in PasswordPair().Matches(connectionString))
        {
            yield return m.Groups[2].Value.Trim().Trim('\'', '"');
        }

        foreach (Match m in UriPassword().Matches(connectionString))
        {
            yield return m.Groups[2].Value;
        }
    }

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*('[^']*'|""[^""]*""|[^;]*)")]
    private static partial Regex PasswordPair();

    [GeneratedRegex(@"(?i)(postgres(?:ql)?://[^:/@\s]*):([^@\s]*)@")]
    private static partial Regex UriPassword();
}
