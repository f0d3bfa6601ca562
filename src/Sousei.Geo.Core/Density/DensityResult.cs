namespace Sousei.Geo.Core.Density;

/// <summary>The density of the whole inducement area and of each zone ∩ the area, for one method and year.</summary>
public sealed record DensityResult(DensityMethod Method, int Year, AreaDensity Total, IReadOnlyList<AreaDensity> Zones);
