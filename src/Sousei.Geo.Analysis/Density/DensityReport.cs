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
}
