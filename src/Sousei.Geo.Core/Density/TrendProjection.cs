namespace Sousei.Geo.Core.Density;

/// <summary>
/// The projection of one area (the whole inducement area or a zone ∩ it) by <see cref="DensityTrend"/>:
/// population P(y) = <see cref="PopulationLast"/> × (1 + <see cref="AnnualGrowthRate"/>)^(y − <see cref="LastYear"/>),
/// area constant. <see cref="CrossingYear"/> is the first year after the last data year whose projected density
/// meets the target (status <see cref="TrendStatus.Crosses"/>); <see cref="FallsBelowYear"/> is the first year a
/// currently-meeting area would drop below it, when that happens by the horizon.
/// </summary>
public sealed record TrendProjection(
    string Id,
    string Name,
    int FirstYear,
    int LastYear,
    double PopulationFirst,
    double PopulationLast,
    double AreaHectares,
    double TargetPerHectare,
    double? AnnualGrowthRate,
    TrendStatus Status,
    int? CrossingYear,
    int? FallsBelowYear)
{
    /// <summary>Projected population in <paramref name="year"/>; null without a model.</summary>
    public double? PopulationIn(int year) => AnnualGrowthRate is { } r ? PopulationLast * Math.Pow(1 + r, year - LastYear) : null;

    /// <summary>Projected persons per hectare in <paramref name="year"/>; null without a model.</summary>
    public double? DensityIn(int year) => AreaHectares > 0 && PopulationIn(year) is { } p ? p / AreaHectares : null;

    /// <summary>Density in the last data year.</summary>
    public double? DensityLast => AreaHectares > 0 ? PopulationLast / AreaHectares : null;
}
