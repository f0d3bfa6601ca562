namespace Sousei.Geo.PostGis.Tests;

public sealed class ConnectionStringsTests
{
    [Theory]
    [InlineData("Host=db;Username=planner;Password=hunter2-secret;Database=sousei")]
    [InlineData("Host=db;Username=planner;PWD = 'hunter2-secret';Database=sousei")]
    [InlineData("postgres://planner:hunter2-secret@db:5432/sousei")]
    public void Scrub_removes_the_password_in_every_form(string connection)
    {
        var message = $"failed with {connection} and again hunter2-secret";
        var scrubbed = ConnectionStrings.Scrub(message, connection);
        Assert.DoesNotContain("hunter2-secret", scrubbed, StringComparison.Ordinal);
        Assert.Contains("***", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uri_becomes_an_npgsql_connection_string()
    {
        var normalized = ConnectionStrings.Normalize("postgresql://planner:p%40ss@db.example:6543/sousei");
        var b = new Npgsql.NpgsqlConnectionStringBuilder(normalized);
        Assert.Equal(("db.example", 6543, "planner", "p@ss", "sousei"), (b.Host, b.Port, b.Username, b.Password, b.Database));
    }

    [Fact]
    public void A_failed_connection_names_the_server_but_never_the_password()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        using var db = PostGisDatabase.Create("Host=127.0.0.1;Port=1;Username=planner;Password=hunter2-secret;Database=sousei;Timeout=3");
        var e = Assert.Throws<PostGisException>(() => Sousei.Geo.PostGis.Schema.Migrator.Migrate(db));
        Assert.DoesNotContain("hunter2-secret", e.Message, StringComparison.Ordinal);
        Assert.Contains("planner@127.0.0.1:1/sousei", e.Message, StringComparison.Ordinal);
    }

    [PostGisFact]
    public void A_wrong_password_is_not_echoed()
    {
        using var t = TestDatabase.Create(migrate: false);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(t.ConnectionString) { Username = "nobody_here", Password = "hunter2-secret" };
        using var db = PostGisDatabase.Create(b.ConnectionString);
        var e = Assert.Throws<PostGisException>(() => Sousei.Geo.PostGis.Schema.Migrator.CurrentVersion(db));
        Assert.DoesNotContain("hunter2-secret", e.Message, StringComparison.Ordinal);
    }
}
