namespace Sousei.Geo.Core.Density;

/// <summary>What the projection of <see cref="DensityTrend"/> says about one area.</summary>
public enum TrendStatus
{
    /// <summary>The last year of the data already meets the target.</summary>
    Meets,

    /// <summary>Below the target in the last year; the projection crosses it in <see cref="TrendProjection.CrossingYear"/>.</summary>
    Crosses,

    /// <summary>Below the target and the projection does not reach it by the horizon (flat or falling, or too slow).</summary>
    NotByHorizon,

    /// <summary>No model: fewer than two years, no population in the first year, or no area.</summary>
    NoModel,
}
