namespace Sousei.Geo.Core.Density;

/// <summary>The density of the whole inducement area and of each zone ∩ the area, for one method and year.</summary>
public sealed record DensityResult(DensityMethod Method, int Year, AreaDensity Total, IReadOnlyList<AreaDensity> Zones)
{
    /// <summary>
    /// The whole population layer's total for the year (every household, or every town block / mesh cell, inside the
    /// inducement area or not): the city's population when the layer covers the city. Null when not computed.
    /// </summary>
    public double? CityPopulation { get; init; }

    /// <summary>
    /// IF101 居住誘導区域内人口割合: the population inside the inducement area ÷ <see cref="CityPopulation"/> (0–1);
    /// null without a city population.
    /// </summary>
    public double? ShareOfCityPopulation => CityPopulation is > 0 ? Total.Population / CityPopulation : null;
}
