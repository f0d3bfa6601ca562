using System.Security.Cryptography;
using System.Text;

namespace Sousei.Geo.Service.Privacy;

/// <summary>
/// Decides whether a request may read restricted vacant-house fields (owner_name, owner_contact): only when
/// the configured staff key (<see cref="ServiceSettings.StaffApiKey"/>) is set and the request's
/// <c>X-Api-Key</c> header equals it. Compared in constant time over SHA-256 digests, so neither the content
/// nor the length of the key leaks through timing. Thread-safe.
/// </summary>
public sealed class StaffAccess
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _keyDigest;

    public StaffAccess(IConfiguration configuration)
    {
        var key = configuration[ServiceSettings.StaffApiKey];
        _keyDigest = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when the request carries the staff key. Also marks the response as private and varying by the key.</summary>
    public bool IsStaff(HttpContext context)
    {
        context.Response.Headers.Vary = HeaderName;
        if (_keyDigest is null || !context.Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        if (!CryptographicOperations.FixedTimeEquals(given, _keyDigest))
        {
            return false;
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return true;
    }
}
