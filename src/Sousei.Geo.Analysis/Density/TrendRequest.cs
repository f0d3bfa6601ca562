using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>
/// The density trend: CAGR between <see cref="FromYear"/> (default: the first year of the method) and
/// <see cref="ToYear"/> (default: the latest), projected to <see cref="HorizonYear"/>.
/// </summary>
public sealed record TrendRequest
{
    public DensityMethod? Method { get; init; }

    public int? FromYear { get; init; }

    public int? ToYear { get; init; }

    public int HorizonYear { get; init; } = DensityTrend.DefaultHorizonYear;

    public double TargetPerHectare { get; init; } = DensityCalculator.DefaultTargetPerHectare;

    internal void Validate(Parameters p)
    {
        p.Check(TargetPerHectare is >= 0.0001 and <= 100_000, "target", "must be a number from 0.0001 to 100000 persons/ha");
        p.Check(FromYear is null or (>= 1800 and <= 3000), "from", "must be a year from 1800 to 3000");
        p.Check(ToYear is null or (>= 1800 and <= 3000), "to", "must be a year from 1800 to 3000");
        p.Check(HorizonYear is >= 1800 and <= 3000, "horizon", "must be a year from 1800 to 3000");
        if (FromYear is { } f && ToYear is { } t && f > t)
        {
            p.Add("from", RequestProblem.Conflict, $"{f} is after to = {t}");
        }
    }
}
