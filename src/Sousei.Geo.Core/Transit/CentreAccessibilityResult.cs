namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Result of <see cref="CentreAccessibility.Compute"/>: totals over every household, per-zone rows, and each
/// household's median travel time to the central hub in minutes (same order as the input; +∞ when the median
/// departure finds no journey). <see cref="OriginGroups"/> and <see cref="StopProfiles"/> tell how much was computed.
/// </summary>
public sealed record CentreAccessibilityResult(
    string CentralHubId,
    ZoneAccessibility All,
    IReadOnlyList<ZoneAccessibility> Zones,
    float[] HouseholdMedianMinutes,
    int OriginGroups,
    int StopProfiles)
{
    /// <summary>Per household, the median minutes to the nearest regional hub (+∞: none); null when not asked.</summary>
    public float[]? NearestHubMedianMinutes { get; init; }

    /// <summary>The arrive-by deadline, seconds after midnight; null when not asked.</summary>
    public int? ArriveBySeconds { get; init; }

    /// <summary>Per household, the latest departure (seconds after midnight, a whole minute) that arrives by the deadline; -1: none in the lookback.</summary>
    public int[]? LatestDepartureSeconds { get; init; }

    /// <summary>Per household, the travel time of that departure in seconds; -1: none.</summary>
    public int[]? ArriveByTravelSeconds { get; init; }
}
