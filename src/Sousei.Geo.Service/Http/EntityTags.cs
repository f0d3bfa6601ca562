namespace Sousei.Geo.Service.Http;

/// <summary>Conditional GET (RFC 9110 §13.1.2): whether a request's <c>If-None-Match</c> matches an entity tag.</summary>
internal static class EntityTags
{
    /// <summary>
    /// True when <c>If-None-Match</c> is <c>*</c> or lists <paramref name="etag"/>. The comparison is weak, as
    /// If-None-Match requires: <c>W/"x"</c> matches <c>"x"</c>. Malformed lists simply do not match.
    /// </summary>
    public static bool IfNoneMatch(HttpRequest request, string etag)
    {
        var opaque = Opaque(etag);
        foreach (var header in request.Headers.IfNoneMatch)
        {
            foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (tag == "*" || Opaque(tag) == opaque)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
