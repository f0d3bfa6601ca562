using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Hosting;

/// <summary>
/// What Kestrel refuses before any middleware — a Host header that is no host, a NUL in the path, a request line or headers
/// beyond its own limits — is answered with application/problem+json too (issue 14), over a real socket; and the
/// application's own answers are not touched.
/// </summary>
public sealed class KestrelProblemBodiesTests : IDisposable
{
    private readonly FixtureStore _store = new();

    public void Dispose() => _store.Dispose();

    public static TheoryData<string, int> Refused => new()
    {
        { "GET / HTTP/1.1\r\nHost: bad host name\r\nConnection: close\r\n\r\n", 400 },
        { "GET /api/features/vacant_houses/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.2\r\nConnection: close\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Name: x\r\nConnection: close\r\n\r\n", 400 },
        { "GET /" + new string('a', RequestGuard.KestrelLineBytes + 10) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 414 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"X-H{i}: v\r\n")) + "Connection: close\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_kestrel_refuses_gets_a_problem_details_body(string request, int status)
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        var (code, headers, body) = await RawAsync(server.BaseUrl, request);
        Assert.Equal(status, code);
        Assert.Contains("Content-Type: application/problem+json", headers, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {body.Length}", headers, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
        Assert.StartsWith("https://www.rfc-editor.org/rfc/rfc9110", json.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applications_own_answers_pass_untouched()
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        var (code, headers, body) = await RawAsync(server.BaseUrl, "GET /no/such/route HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Assert.Equal(404, code);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("rfc-editor.org", Encoding.UTF8.GetString(body), StringComparison.Ordinal); // the service's own problem
        var (ok, densityHeaders, density) = await RawAsync(server.BaseUrl, "GET /api/density HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, ok);
        Assert.Contains("Content-Type: application/json", densityHeaders, StringComparison.Ordinal);
        Assert.Contains("\"population\"", Encoding.UTF8.GetString(density), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_bare_error_head_is_rewritten()
    {
        Assert.NotNull(KestrelProblemBodies.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8));
        Assert.Null(KestrelProblemBodies.Rewrite("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8));
        Assert.Null(KestrelProblemBodies.Rewrite("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nContent-Length: 0\r\n\r\n"u8));
        Assert.Null(KestrelProblemBodies.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 12\r\n\r\n"u8));
        Assert.Null(KestrelProblemBodies.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"u8)); // not a whole head
    }

    private static async Task<(int Status, string Headers, byte[] Body)> RawAsync(string baseUrl, string request)
    {
        var uri = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may close while a request far beyond its limits is still being sent; its answer is already there.
        }

        using var all = new MemoryStream();
        try
        {
            await stream.CopyToAsync(all);
        }
        catch (IOException)
        {
            // A reset after the answer (the server closed with unread request bytes).
        }

        var bytes = all.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "no header terminator in: " + Encoding.ASCII.GetString(bytes));
        var headers = Encoding.ASCII.GetString(bytes, 0, end);
        var body = bytes[(end + 4)..];
        return (int.Parse(headers.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), headers,
            headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
    }

    /// <summary>The payload of a chunked body (RFC 9112 §7.1): hex size, CRLF, data, CRLF, … up to the zero-size chunk.</summary>
    private static byte[] Dechunk(byte[] body)
    {
        using var result = new MemoryStream();
        var at = 0;
        while (true)
        {
            var line = body.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, line).Split(';')[0], 16);
            at += line + 2;
            if (size == 0)
            {
                return result.ToArray();
            }

            result.Write(body, at, size);
            at += size + 2;
        }
    }
}
