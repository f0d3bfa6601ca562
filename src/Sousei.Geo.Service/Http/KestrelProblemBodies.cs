using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sousei.Geo.Service.Http;

/// <summary>
/// Kestrel answers a request it cannot parse (a bad Host header, a NUL in the path, a request line or headers beyond its
/// limits) itself, before any middleware, with a bare status and no body. This connection middleware gives those answers
/// the service's shape: it watches what Kestrel writes to the socket and replaces a bare HTTP/1.1 4xx/5xx head (no
/// Content-Type, <c>Content-Length: 0</c>) with the same status and headers plus an RFC 9457
/// <c>application/problem+json</c> body saying what was refused. Every answer the application writes passes untouched
/// (it always has a Content-Type or a body). Issue 14.
/// </summary>
internal static class KestrelProblemBodies
{
    private static readonly byte[] Http11 = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] ZeroLength = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] ContentType = "\r\nContent-Type:"u8.ToArray();
    private static readonly byte[] End = "\r\n\r\n"u8.ToArray();

    /// <summary>Adds the middleware to an endpoint (all endpoints: <c>ConfigureEndpointDefaults</c>).</summary>
    public static void Use(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new Pipe(transport.Input, new Writer(transport.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    });

    /// <summary>The replacement for a bare error head, or null when <paramref name="head"/> is anything else.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> head)
    {
        if (head.Length > 4096 || !head.StartsWith(Http11) || head.Length < 13 || head[9] is not ((byte)'4' or (byte)'5')
            || !head.EndsWith(End) || head.IndexOf(ZeroLength) < 0 || head.IndexOf(ContentType) >= 0)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(head);
        var lines = text[..^4].Split("\r\n");
        var statusLine = lines[0];
        if (!int.TryParse(statusLine.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var title = statusLine.Length > 13 ? statusLine[13..] : "Bad Request";
        var detail = status switch
        {
            414 => $"the request line is longer than {RequestGuard.KestrelLineBytes:N0} bytes; the service answers request targets up to {RequestGuard.MaxTargetBytes:N0} bytes",
            431 => $"the request headers exceed {RequestGuard.KestrelHeaderBytes:N0} bytes or {RequestGuard.KestrelHeaderCount} fields; the service reads up to {RequestGuard.MaxHeaderBytes:N0} bytes in {RequestGuard.MaxHeaderCount} fields",
            400 => "the request is not valid HTTP/1.1 and was refused before it reached the service: a Host header that is no host, a control character (such as %00) in the path, or a malformed request line or header",
            _ => "the request was refused by the web server before it reached the service",
        };
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        });
        var result = new StringBuilder(statusLine).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            result.Append(line).Append("\r\n");
        }

        result.Append("Content-Type: application/problem+json\r\nX-Content-Type-Options: nosniff\r\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(result.ToString()), .. body];
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>Passes every write through, replacing a bare error head as a whole (Kestrel writes it in one piece).</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _last;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            if (bytes is > 0 and <= 4096 && bytes <= _last.Length && Rewrite(_last.Span[..bytes]) is { } replacement)
            {
                var span = inner.GetSpan(replacement.Length);
                replacement.CopyTo(span);
                inner.Advance(replacement.Length);
                return;
            }

            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_last = inner.GetMemory(sizeHint)).Span;

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
            Rewrite(source.Span) is { } replacement ? inner.WriteAsync(replacement, cancellationToken) : inner.WriteAsync(source, cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
    }
}
