using System.Net.Sockets;
using System.Text;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Hosting;

/// <summary>HEAD (RFC 9110 §9.3.2) gets the GET answer's status and headers and no body, over a real socket.</summary>
public sealed class HeadRequestTests : IDisposable
{
    private readonly FixtureStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/api/density", 200)]
    [InlineData("/ogc/collections", 200)]
    [InlineData("/api/export/vacant_houses.geojson", 200)]
    [InlineData("/api/density?method=foo", 400)]
    [InlineData("/no/such/route", 404)]
    public async Task Head_answers_like_get_without_a_body(string path, int status)
    {
        await using var server = await LiveServer.StartAsync(_store.Path);
        var get = await RawAsync(server.BaseUrl, "GET", path);
        var head = await RawAsync(server.BaseUrl, "HEAD", path);

        Assert.Equal(status, get.Status);
        Assert.Equal(get.Status, head.Status);
        Assert.Equal(get.Header("content-type"), head.Header("content-type"));
        Assert.NotEmpty(get.Body);
        Assert.Empty(head.Body);
    }

    private sealed record Raw(int Status, string Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.Split("\r\n").Skip(1)
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();
    }

    /// <summary>One HTTP/1.1 request with Connection: close; everything the server sends, split at the blank line.</summary>
    private static async Task<Raw> RawAsync(string baseUrl, string method, string path)
    {
        var uri = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        var request = $"{method} {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var all = new MemoryStream();
        await stream.CopyToAsync(all);
        var bytes = all.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "no header terminator in: " + Encoding.ASCII.GetString(bytes));
        var headers = Encoding.ASCII.GetString(bytes, 0, end);
        var status = int.Parse(headers.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Raw(status, headers, bytes[(end + 4)..]);
    }
}
