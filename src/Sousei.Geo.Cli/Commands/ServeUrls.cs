using System.Net;
using System.Net.Sockets;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// <c>serve --urls</c> checked before the host starts, so that a bad value or a taken port is one clear message (exit 2
/// for a bad value, 3 for an address that cannot be bound), never the host's "Hosting failed to start" and its stack
/// trace. Kestrel's forms: <c>http://HOST:PORT</c>, several separated by <c>;</c>, HOST an IP, a name, or <c>*</c> / <c>+</c>
/// for every address.
/// </summary>
internal static class ServeUrls
{
    /// <summary>The URLs, or a <see cref="UsageException"/> naming the bad one.</summary>
    public static IReadOnlyList<(string Url, string Host, int Port)> Parse(string urls)
    {
        var result = new List<(string, string, int)>();
        foreach (var url in urls.Split(';', StringSplitOptions.TrimEntries))
        {
            if (url.Length == 0)
            {
                throw new UsageException("--urls: an empty URL (list them separated by ';')");
            }

            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var scheme = schemeEnd < 0 ? "" : url[..schemeEnd].ToLowerInvariant();
            if (scheme is "https")
            {
                throw new UsageException($"--urls: '{url}': https needs a server certificate, which sousei serve does not configure; listen on http and put a TLS proxy in front");
            }

            if (scheme != "http")
            {
                throw new UsageException($"--urls: '{url}' is not a URL like http://127.0.0.1:5080 (only http is served)");
            }

            var rest = url[(schemeEnd + 3)..].TrimEnd('/');
            var colon = rest.LastIndexOf(':');
            var host = colon < 0 || rest.EndsWith(']') ? rest : rest[..colon];
            var portText = colon < 0 || rest.EndsWith(']') ? "80" : rest[(colon + 1)..];
            if (host.Length == 0 || host.Contains('/') || host.Contains('@'))
            {
                throw new UsageException($"--urls: '{url}' has no host (write http://127.0.0.1:5080, or http://*:5080 for every address)");
            }

            if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new UsageException($"--urls: '{url}': the port '{portText}' must be a whole number from 1 to 65535");
            }

            if (host is not ("*" or "+") && Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                throw new UsageException($"--urls: '{url}': '{host}' is not a host name or IP address");
            }

            result.Add((url, host, port));
        }

        return result;
    }

    /// <summary>Null when every address can be bound now, else why not (the address in use, no permission).</summary>
    public static string? BindProblem(IReadOnlyList<(string Url, string Host, int Port)> urls)
    {
        foreach (var (url, host, port) in urls)
        {
            var address = host switch
            {
                "*" or "+" or "0.0.0.0" => IPAddress.Any,
                "localhost" => IPAddress.Loopback,
                _ => IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : null,
            };
            if (address is null)
            {
                continue; // a name: Kestrel resolves it; a failure then is reported by the start itself
            }

            try
            {
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => $"cannot listen on {url}: the address is already in use (another sousei serve or program holds port {port})",
                    SocketError.AccessDenied => $"cannot listen on {url}: permission denied (ports below 1024 need privileges)",
                    SocketError.AddressNotAvailable => $"cannot listen on {url}: {host} is not an address of this machine",
                    _ => $"cannot listen on {url}: {e.Message}",
                };
            }
        }

        return null;
    }
}
