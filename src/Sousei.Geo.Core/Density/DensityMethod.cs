namespace Sousei.Geo.Core.Density;

/// <summary>How population inside the inducement area is estimated.</summary>
public enum DensityMethod
{
    /// <summary>Sum of persons of geocoded household points covered by the area (boundary included).</summary>
    Households,

    /// <summary>Areal weighting: each block's persons × area(block ∩ area) / area(block).</summary>
    Blocks,

    /// <summary>
    /// Building-weighted dasymetric: each block's persons spread over its residential and mixed
    /// buildings (by centroid) in proportion to floor area (footprint × floors); a block without
    /// such a building falls back to areal weighting.
    /// </summary>
    Buildings,
}
