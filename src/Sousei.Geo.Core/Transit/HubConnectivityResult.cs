namespace Sousei.Geo.Core.Transit;

/// <summary>Result of <see cref="HubConnectivity.Compute"/>: every ordered pair of distinct hubs, and per-hub service.</summary>
public sealed record HubConnectivityResult(
    DateOnly Date,
    int WindowStartSeconds,
    int WindowEndSeconds,
    int DepartureCount,
    IReadOnlyList<int> Percentiles,
    IReadOnlyList<HubPair> Pairs,
    IReadOnlyList<HubStats> Hubs)
{
    /// <summary>The window as "HH:MM-HH:MM".</summary>
    public string Window => $"{TransitOptions.FormatClock(WindowStartSeconds)}-{TransitOptions.FormatClock(WindowEndSeconds)}";
}
