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
    /// <summary>Seconds after midnight of the arrive-by deadline, when asked for; null otherwise.</summary>
    public int? ArriveBySeconds { get; init; }

    /// <summary>The latest departures that arrive by <see cref="ArriveBySeconds"/> (<see cref="ArriveBy"/>); empty unless asked for.</summary>
    public IReadOnlyList<ArriveByPair> ArriveByPairs { get; init; } = [];

    /// <summary>The window as "HH:MM-HH:MM".</summary>
    public string Window => $"{TransitOptions.FormatClock(WindowStartSeconds)}-{TransitOptions.FormatClock(WindowEndSeconds)}";
}
