namespace Sousei.Geo.Core.Vacant;

/// <summary>How many top-ranked vacant houses reach the target: the whole area and each zone (zone order).</summary>
public sealed record TargetReachResult(double TargetPerHectare, TargetReachRow Total, IReadOnlyList<TargetReachRow> Zones);
