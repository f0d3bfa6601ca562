namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Connectivity from hub <see cref="From"/> to hub <see cref="To"/>: travel-time percentiles in minutes
/// keyed by percentile (null = infinite), the shares (0–1) of departures arriving within 30, 45 and 60
/// minutes, and the trips per day that call at a stop near <see cref="From"/> (boarding allowed) and
/// later at a stop near <see cref="To"/> (alighting allowed).
/// </summary>
public sealed record HubPair(
    string From,
    string To,
    IReadOnlyDictionary<int, double?> TravelMinutes,
    double? MedianMinutes,
    double ShareWithin30,
    double ShareWithin45,
    double ShareWithin60,
    int DirectTripsPerDay);
