using System.Net;
using System.Net.Sockets;

namespace Sousei.Geo.Cli.Tests.Commands;

/// <summary>
/// <c>serve</c> checks where it listens before it loads anything: a bad <c>--urls</c> is exit 2 naming the option and
/// the value, a port already taken exit 3 in one line — never the host's "Hosting failed to start" stack trace.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("notaurl", "is not a URL")]
    [InlineData("ftp://127.0.0.1:21", "only http is served")]
    [InlineData("https://127.0.0.1:5443", "https needs a server certificate")]
    [InlineData("http://127.0.0.1:70000", "from 1 to 65535")]
    [InlineData("http://127.0.0.1:0", "from 1 to 65535")]
    [InlineData("http://127.0.0.1:port", "the port 'port'")]
    [InlineData("http://:5080", "has no host")]
    [InlineData("http://exa mple:5080", "not a host name")]
    [InlineData("http://127.0.0.1:5080;", "an empty URL")]
    public void A_bad_urls_value_is_named_with_exit_2(string urls, string message)
    {
        var r = CliRun.Run("serve", "--data", _store.Dir, "--urls", urls);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--urls", r.Error, StringComparison.Ordinal);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://tiles.example/{z}/{x}/{y}.png", "not an http or https URL template")]
    [InlineData("tiles/{z}/{x}/{y}.png", "not an http or https URL template")]
    [InlineData("https://tiles.example/{z}/{x}.png", "lacks {y}")]
    public void A_bad_basemap_template_is_named_with_exit_2(string template, string message)
    {
        var r = CliRun.Run("serve", "--data", _store.Dir, "--basemap-url", template, "--basemap-attribution", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--basemap-url", r.Error, StringComparison.Ordinal);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_one_line_with_exit_3()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var r = CliRun.Run("serve", "--data", _store.Dir, "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}: the address is already in use", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_is_exit_3_and_a_connection_string_that_does_not_parse_exit_2()
    {
        var down = CliRun.Run("density", "--db", "Host=127.0.0.1;Port=1;Username=u;Database=d;Timeout=3", "--city", "43100");
        Assert.Equal(3, down.ExitCode);
        Assert.Contains("cannot connect to the database", down.Error, StringComparison.Ordinal);
        var bad = CliRun.Run("density", "--db", "Host=127.0.0.1;NoSuchKeyword=1", "--city", "43100");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("connection string is not valid", bad.Error, StringComparison.Ordinal);
    }
}
