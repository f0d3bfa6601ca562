namespace Sousei.Geo.Core.Density;

/// <summary>The projection for the whole inducement area and each zone, from the years and method of the history.</summary>
public sealed record DensityTrendResult(DensityMethod Method, int FirstYear, int LastYear, int HorizonYear, TrendProjection Total, IReadOnlyList<TrendProjection> Zones);
