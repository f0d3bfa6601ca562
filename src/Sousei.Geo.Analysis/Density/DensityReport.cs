using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>
/// Density results: one (a method and year) or, for a trend, one per method and year. <see cref="ZoneKinds"/>
/// gives each zone's kind (ward, hub_area, …); <see cref="Notes"/> what the loading said.
/// </summary>
public sealed record DensityReport(IReadOnlyList<DensityResult> Results, bool Trend, double TargetPerHectare, IReadOnlyDictionary<string, string> ZoneKinds, IReadOnlyList<string> Notes)
{
    /// <summary>The one result of a non-trend request.</summary>
    public DensityResult Result => Results[0];

    /// <summary>IF107: the future population and density inside the area from the store's projection; null without one.</summary>
    public Core.Density.ProjectedDensityResult? Projection { get; init; }

    /// <summary>Whose count each method's population is (<see cref="PopulationBases"/>).</summary>
    public IReadOnlyDictionary<DensityMethod, Core.Model.PopulationBasis> Bases { get; init; } = new Dictionary<DensityMethod, Core.Model.PopulationBasis>();

    /// <summary>The methods whose figure is the strategy's indicator (households on a resident-registry basis).</summary>
    public IReadOnlySet<DensityMethod> StrategyIndicators { get; init; } = new HashSet<DensityMethod>();
}
