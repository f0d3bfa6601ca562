using System.Globalization;
using Microsoft.Extensions.Primitives;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Service.Http;

/// <summary>
/// Strict reading of a request's query string: unknown or repeated parameters, unparsable numbers and
/// values out of range throw <see cref="BadParameterException"/> naming the parameter.
/// </summary>
internal sealed class QueryReader
{
    private readonly IQueryCollection _query;

    public QueryReader(HttpRequest request, IEnumerable<string> allowed)
    {
        _query = request.Query;
        var known = new HashSet<string>(allowed, StringComparer.Ordinal);
        foreach (var (name, values) in _query)
        {
            if (!known.Contains(name))
            {
                throw new BadParameterException(name, $"unknown query parameter; this endpoint accepts: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }

            if (values.Count > 1)
            {
                throw new BadParameterException(name, "given more than once");
            }
        }
    }

    public string? String(string name)
    {
        StringValues v = _query.TryGetValue(name, out var values) ? values : StringValues.Empty;
        var s = v.Count == 0 ? null : v[0];
        return string.IsNullOrEmpty(s) ? null : s;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }

        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new BadParameterException(name, $"'{Shorten(s)}' must be a whole number from {min} to {max}");
        }

        return v;
    }

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> (CRS84) by the one bbox rule of the application layer (<see cref="Analysis.Requests.Parameters.Bbox"/>).</summary>
    public Envelope? Bbox(string name)
    {
        var parameters = new Analysis.Requests.Parameters(n => n == name ? String(name) : null);
        var bbox = parameters.Bbox(name);
        return parameters.Problems.Count > 0 ? throw new BadParameterException(name, parameters.Problems[0].Message) : bbox;
    }

    /// <summary>Cuts <paramref name="s"/> to 40 characters plus an ellipsis for echoing in messages (<see cref="Analysis.Requests.Parameters.Echo"/>).</summary>
    internal static string Shorten(string s) => Analysis.Requests.Parameters.Echo(s);

    /// <summary>Cuts <paramref name="s"/> to <paramref name="maxLength"/> characters plus an ellipsis, never between the halves of a surrogate pair.</summary>
    internal static string ShortenTo(string s, int maxLength) => Analysis.Requests.Parameters.Cut(s, maxLength);
}
