using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// What <see cref="CentreAccessibility.Compute"/> measures besides the median time to the central hub: the median
/// time to the nearest of <see cref="RegionalHubs"/> (nearest by travel time, per departure), and arrive-by: the
/// latest departure that reaches the central hub by <see cref="ArriveBySeconds"/>, searched over the
/// <see cref="LookbackMinutes"/> before it.
/// </summary>
public sealed record AccessibilityTargets
{
    /// <summary>Hubs for the time to the nearest one; empty: not computed.</summary>
    public IReadOnlyList<Hub> RegionalHubs { get; init; } = [];

    /// <summary>Arrive-by deadline at the central hub, seconds after midnight; null: not computed.</summary>
    public int? ArriveBySeconds { get; init; }

    /// <summary>How far before the deadline departures are searched.</summary>
    public int LookbackMinutes { get; init; } = ArriveBy.DefaultLookbackMinutes;
}
