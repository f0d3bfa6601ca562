using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Core.Vacant;

/// <summary>Density before and after the chosen houses are lived in again (same method, year and zones).</summary>
public sealed record WhatIfResult(DensityResult Before, DensityResult After, IReadOnlyList<OccupiedHouse> Occupied)
{
    /// <summary>Persons added inside the inducement area (houses outside add nothing).</summary>
    public double PersonsAddedInside => After.Total.Population - Before.Total.Population;
}
