using System.Globalization;
using NetTopologySuite.Geometries;

namespace Sousei.Geo.Analysis.Requests;

/// <summary>
/// Reads an analysis's parameters from one source of raw text values (command-line options or query
/// parameters, by their one snake_case name) and collects every problem, each naming its parameter,
/// instead of stopping at the first. The one place where text becomes typed request values. Not thread-safe.
/// </summary>
public sealed class Parameters
{
    /// <summary>At most this many problems are reported (STYLE.md).</summary>
    public const int ProblemCap = 20;

    /// <summary>Longest echo of a value in a message.</summary>
    public const int EchoLength = 40;

    private readonly Func<string, string?> _get;
    private readonly List<RequestProblem> _problems = [];

    /// <param name="get">The raw value of a parameter by name, null when absent. A switch given without a value reads "true".</param>
    public Parameters(Func<string, string?> get)
    {
        _get = get;
    }

    /// <summary>Parameters from a dictionary (notebooks, tests).</summary>
    public static Parameters From(IReadOnlyDictionary<string, string?> values) => new(n => values.TryGetValue(n, out var v) ? v : null);

    public IReadOnlyList<RequestProblem> Problems => _problems;

    public void Add(string parameter, string code, string message)
    {
        if (_problems.Count < ProblemCap && !_problems.Any(p => p.Parameter == parameter && p.Message == message))
        {
            _problems.Add(new RequestProblem(parameter, code, message));
        }
    }

    /// <summary>Adds a range problem unless <paramref name="ok"/>.</summary>
    public void Check(bool ok, string parameter, string message)
    {
        if (!ok)
        {
            Add(parameter, RequestProblem.Range, message);
        }
    }

    /// <summary>
    /// Runs a request's range and combination checks on its typed values (a request built in code, not parsed) and
    /// throws a <see cref="RequestException"/> with every problem, if any: the same checks and messages as parsing.
    /// </summary>
    public static void Validate(Action<Parameters> validate)
    {
        var p = new Parameters(_ => null);
        validate(p);
        p.ThrowIfAny();
    }

    /// <summary>Throws a <see cref="RequestException"/> with every problem, if any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new RequestException(_problems.ToList());
        }
    }

    /// <summary>The raw text, null when absent or empty.</summary>
    public string? Text(string name)
    {
        var s = _get(name);
        return string.IsNullOrEmpty(s) ? null : s;
    }

    public bool Has(string name) => Text(name) is not null;

    public double? Number(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Add(name, RequestProblem.Format, $"'{Echo(s)}' is not a number");
            return null;
        }

        if (v < min || v > max)
        {
            Add(name, RequestProblem.Range, $"'{Echo(s)}' must be a number from {Num(min)} to {Num(max)}");
            return null;
        }

        return v;
    }

    public int? Whole(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            Add(name, RequestProblem.Format, $"'{Echo(s)}' is not a whole number");
            return null;
        }

        if (v < min || v > max)
        {
            Add(name, RequestProblem.Range, $"'{Echo(s)}' must be a whole number from {min} to {max}");
            return null;
        }

        return v;
    }

    /// <summary>A switch: absent = false; true/1 or false/0.</summary>
    public bool Switch(string name)
    {
        switch (Text(name))
        {
            case null or "false" or "0":
                return false;
            case "true" or "1":
                return true;
            case var s:
                Add(name, RequestProblem.Format, $"'{Echo(s)}' must be true or false");
                return false;
        }
    }

    /// <summary>A time of day HH:MM (hours up to 48, for service past midnight), in seconds after midnight.</summary>
    public int? Time(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (Clock(text, out var seconds))
        {
            return seconds;
        }

        Add(name, RequestProblem.Format, $"'{Echo(text)}' must be a time HH:MM (hours up to 47)");
        return null;
    }

    /// <summary>A date YYYY-MM-DD.</summary>
    public DateOnly? Date(string name)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Add(name, RequestProblem.Format, $"'{Echo(s)}' must be a date YYYY-MM-DD");
        return null;
    }

    /// <summary>A clock window <c>HH:MM-HH:MM</c> (hours up to 47, GTFS style), end after start; seconds after midnight.</summary>
    public (int StartSeconds, int EndSeconds)? Window(string name)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        var parts = s.Split('-');
        if (parts.Length == 2 && Clock(parts[0], out var start) && Clock(parts[1], out var end) && end > start)
        {
            return (start, end);
        }

        Add(name, RequestProblem.Format, $"'{Echo(s)}' must be HH:MM-HH:MM with the end after the start (e.g. 07:00-09:00)");
        return null;
    }

    /// <summary>Parses <c>HH:MM</c> (up to 48:00) into seconds after midnight (<see cref="Core.Transit.TransitOptions.TryParseClock"/>).</summary>
    public static bool Clock(string text, out int seconds) => Core.Transit.TransitOptions.TryParseClock(text, out seconds);

    /// <summary>Distinct whole numbers, comma separated, returned ascending; an empty element is a problem.</summary>
    public IReadOnlyList<int>? WholeList(string name, int min, int max)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        var list = new List<int>();
        foreach (var part in s.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                Add(name, part.Trim().Length == 0 ? RequestProblem.Format : RequestProblem.Range, $"'{Echo(s)}' must be whole numbers from {min} to {max}, comma separated");
                return null;
            }

            list.Add(v);
        }

        return list.Distinct().Order().ToList();
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive); null when absent or not a choice (a problem then).</summary>
    public T? Choice<T>(string name, params (string Text, T Value)[] choices)
        where T : struct
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        foreach (var (text, value) in choices)
        {
            if (string.Equals(text, s, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Add(name, RequestProblem.Choice, $"'{Echo(s)}' is not one of: {string.Join(", ", choices.Select(c => c.Text))}");
        return null;
    }

    /// <summary>Largest accepted bbox edge, degrees: a city needs well under one degree.</summary>
    public const double MaxBboxDegrees = 5;

    /// <summary>
    /// A box <c>minLon,minLat,maxLon,maxLat</c> (CRS84), or six numbers with heights; reversed, out-of-range
    /// or oversized boxes are problems.
    /// </summary>
    public Envelope? Bbox(string name)
    {
        if (Text(name) is not { } s)
        {
            return null;
        }

        var parts = s.Split(',');
        if (parts.Length is not (4 or 6))
        {
            Add(name, RequestProblem.Format, "expected four numbers minLon,minLat,maxLon,maxLat (CRS84)");
            return null;
        }

        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                Add(name, RequestProblem.Format, $"'{Echo(parts[i])}' is not a number");
                return null;
            }
        }

        // A 6-number bbox carries heights: minLon,minLat,minH,maxLon,maxLat,maxH.
        var (x1, y1, x2, y2) = values.Length == 4 ? (values[0], values[1], values[2], values[3]) : (values[0], values[1], values[3], values[4]);
        string? why = null;
        if (x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90)
        {
            why = "longitudes must lie in [-180, 180] and latitudes in [-90, 90]";
        }
        else if (x1 > x2 || y1 > y2)
        {
            why = "the lower-left corner must come first (minLon,minLat,maxLon,maxLat)";
        }
        else if (values.Length == 6 && values[2] > values[5])
        {
            why = "the lower height must come first (minLon,minLat,minHeight,maxLon,maxLat,maxHeight)";
        }
        else if (x2 - x1 > MaxBboxDegrees || y2 - y1 > MaxBboxDegrees)
        {
            why = $"the box is larger than {Num(MaxBboxDegrees)} degrees on a side";
        }

        if (why is not null)
        {
            Add(name, RequestProblem.Range, why);
            return null;
        }

        return new Envelope(x1, x2, y1, y2);
    }

    /// <summary>Cuts <paramref name="s"/> to <see cref="EchoLength"/> characters plus an ellipsis, never between the halves of a surrogate pair.</summary>
    public static string Echo(string s) => Cut(s, EchoLength);

    /// <summary>Cuts <paramref name="s"/> to <paramref name="maxLength"/> characters plus an ellipsis.</summary>
    public static string Cut(string s, int maxLength)
    {
        if (s.Length <= maxLength)
        {
            return s;
        }

        var cut = char.IsHighSurrogate(s[maxLength - 1]) ? maxLength - 1 : maxLength;
        return s[..cut] + "…";
    }

    private static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}
