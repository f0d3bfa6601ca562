using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>
/// The projection and its zone kinds. With one year of data (<see cref="SingleYear"/>) there is no model: the
/// rows carry that year's density and <see cref="Notes"/> says that a trend needs two years.
/// </summary>
public sealed record TrendReport(DensityTrendResult Projection, IReadOnlyDictionary<string, string> ZoneKinds, IReadOnlyList<string> Notes)
{
    public bool SingleYear => Projection.FirstYear == Projection.LastYear;
}
