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
    int StopProfiles);
