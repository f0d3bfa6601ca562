namespace Sousei.Geo.Core.Density;

/// <summary>
/// Population and density of one area (the whole inducement area, or a zone ∩ the inducement area).
/// Areas in hectares (m² / 10,000 in the plane CRS).
/// </summary>
public sealed record AreaDensity(string Id, string Name, double Population, double AreaHectares, double TargetPerHectare)
{
    /// <summary>Persons per hectare; null when the area is empty.</summary>
    public double? DensityPerHectare => AreaHectares > 0 ? Population / AreaHectares : null;

    /// <summary>
    /// Whole persons still missing to reach the target (positive) or headroom (negative):
    /// ceil(target × area_ha − population), which equals ceil(target × area_ha) − population for
    /// whole-person populations. Rounded to 1e-6 first so that 60.7 × 10 is 607, not 608.
    /// </summary>
    public long GapPersons => (long)Math.Ceiling(Math.Round(TargetPerHectare * AreaHectares - Population, 6));

    /// <summary>True when the density is at or above the target.</summary>
    public bool MeetsTarget => AreaHectares > 0 && GapPersons <= 0;
}
