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
    /// <summary>Largest accepted bbox edge, degrees: a city needs well under one degree.</summary>
    public const double MaxBboxDegrees = 5;

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

    public double? Double(string name, double min, double max) => ParseDouble(name, String(name), min, max);

    public bool? Bool(string name) => ParseBool(name, String(name));

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> (CRS84), rejecting reversed, out-of-range or oversized boxes.</summary>
    public Envelope? Bbox(string name) => ParseBbox(name, String(name));

    internal static double? ParseDouble(string name, string? s, double min, double max)
    {
        if (s is null)
        {
            return null;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
        {
            throw new BadParameterException(name, $"'{Shorten(s)}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return v;
    }

    internal static bool? ParseBool(string name, string? s) => s switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new BadParameterException(name, $"'{Shorten(s)}' must be true or false"),
    };

    internal static Envelope? ParseBbox(string name, string? s)
    {
        if (s is null)
        {
            return null;
        }

        var parts = s.Split(',');
        if (parts.Length is not (4 or 6))
        {
            throw new BadParameterException(name, "expected four numbers minLon,minLat,maxLon,maxLat (CRS84)");
        }

        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new BadParameterException(name, $"'{Shorten(parts[i])}' is not a number");
            }
        }

        // A 6-number bbox carries heights: minLon,minLat,minH,maxLon,maxLat,maxH.
        var (x1, y1, x2, y2) = values.Length == 4 ? (values[0], values[1], values[2], values[3]) : (values[0], values[1], values[3], values[4]);
        if (x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90)
        {
            throw new BadParameterException(name, "longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
        }

        if (x1 > x2 || y1 > y2)
        {
            throw new BadParameterException(name, "the lower-left corner must come first (minLon,minLat,maxLon,maxLat)");
        }

        if (values.Length == 6 && values[2] > values[5])
        {
            throw new BadParameterException(name, "the lower height must come first (minLon,minLat,minHeight,maxLon,maxLat,maxHeight)");
        }

        if (x2 - x1 > MaxBboxDegrees || y2 - y1 > MaxBboxDegrees)
        {
            throw new BadParameterException(name, $"the box is larger than {MaxBboxDegrees} degrees on a side");
        }

        return new Envelope(x1, x2, y1, y2);
    }

    /// <summary>Cuts <paramref name="s"/> to 40 characters plus an ellipsis for echoing in messages.</summary>
    internal static string Shorten(string s) => ShortenTo(s, 40);

    /// <summary>Cuts <paramref name="s"/> to <paramref name="maxLength"/> characters plus an ellipsis, never between the halves of a surrogate pair.</summary>
    internal static string ShortenTo(string s, int maxLength)
    {
        if (s.Length <= maxLength)
        {
            return s;
        }

        var cut = char.IsHighSurrogate(s[maxLength - 1]) ? maxLength - 1 : maxLength;
        return s[..cut] + "…";
    }
}
