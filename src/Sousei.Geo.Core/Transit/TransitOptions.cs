namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Routing options shared by every transit computation. Defaults: walk 80 m/min, access/egress radius
/// 800 m, transfer radius 300 m, at most 5 rides, departures every minute from 07:00 (inclusive) to
/// 09:00 (exclusive), i.e. 120 departures. Times are seconds after midnight of the service day.
/// </summary>
public sealed record TransitOptions
{
    /// <summary>Walking speed, metres per second (default 80 m/min).</summary>
    public double WalkSpeedMetersPerSecond { get; init; } = 80.0 / 60.0;

    /// <summary>Largest straight-line walk from an origin to its first stop, from the last stop to a destination, or between two hub points.</summary>
    public double AccessRadiusMeters { get; init; } = 800;

    /// <summary>Largest straight-line walk between a vehicle arrival and the next boarding.</summary>
    public double TransferRadiusMeters { get; init; } = 300;

    /// <summary>Most vehicles ridden in one journey.</summary>
    public int MaxRides { get; init; } = 5;

    /// <summary>First departure minute, seconds after midnight (inclusive).</summary>
    public int WindowStartSeconds { get; init; } = 7 * 3600;

    /// <summary>End of the departure window, seconds after midnight (exclusive).</summary>
    public int WindowEndSeconds { get; init; } = 9 * 3600;

    /// <summary>The departure times: one per minute, start inclusive, end exclusive.</summary>
    public int[] DepartureSeconds()
    {
        var list = new List<int>();
        for (var t = WindowStartSeconds; t < WindowEndSeconds; t += 60)
        {
            list.Add(t);
        }

        return [.. list];
    }

    /// <summary>Walk time in whole seconds: ceil(distance / speed), ignoring floating-point noise below a nanosecond.</summary>
    public int WalkSeconds(double distanceMeters) => (int)Math.Ceiling(distanceMeters / WalkSpeedMetersPerSecond - 1e-9);

    /// <summary>Throws <see cref="ArgumentException"/> for values that make no sense.</summary>
    public void Validate()
    {
        if (!(WalkSpeedMetersPerSecond > 0) || !double.IsFinite(WalkSpeedMetersPerSecond))
        {
            throw new ArgumentException("walk speed must be a positive number of metres per second");
        }

        if (!(AccessRadiusMeters >= 0) || !(TransferRadiusMeters >= 0) || !double.IsFinite(AccessRadiusMeters) || !double.IsFinite(TransferRadiusMeters))
        {
            throw new ArgumentException("access and transfer radii must be finite and not negative");
        }

        if (MaxRides < 1 || MaxRides > 20)
        {
            throw new ArgumentException("max rides must be between 1 and 20");
        }

        if (WindowStartSeconds < 0 || WindowEndSeconds <= WindowStartSeconds || WindowEndSeconds > 48 * 3600)
        {
            throw new ArgumentException("the departure window must be non-empty and within 00:00–48:00");
        }
    }

    /// <summary>Formats seconds after midnight as HH:MM (hours past 24 kept).</summary>
    /// <summary>Parses <c>HH:MM</c> (one or two digits of hours, GTFS times past midnight up to 48:00) into seconds after midnight.</summary>
    public static bool TryParseClock(string? text, out int seconds)
    {
        seconds = 0;
        var p = text?.Trim().Split(':');
        if (p is not { Length: 2 } || p[0].Length is < 1 or > 2 || p[1].Length != 2
            || !int.TryParse(p[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(p[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m > 59 || h * 60 + m > 48 * 60)
        {
            return false;
        }

        seconds = h * 3600 + m * 60;
        return true;
    }

    public static string FormatClock(int seconds) => $"{seconds / 3600:00}:{seconds % 3600 / 60:00}";
}
