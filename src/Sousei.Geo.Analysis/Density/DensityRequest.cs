using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Density;

/// <summary>
/// The density of the inducement area: one method and year (default: households when the data has them, the
/// latest year), or with <see cref="Trend"/> every year of every available method (or of the asked one).
/// </summary>
public sealed record DensityRequest
{
    public DensityMethod? Method { get; init; }

    public int? Year { get; init; }

    public double TargetPerHectare { get; init; } = DensityCalculator.DefaultTargetPerHectare;

    public bool Trend { get; init; }

    /// <summary>Null: SQL when the data is in PostGIS, else memory.</summary>
    public DensityEngineKind? Engine { get; init; }

    internal void Validate(Parameters p)
    {
        p.Check(TargetPerHectare is >= 0.0001 and <= 100_000, "target", "must be a number from 0.0001 to 100000 persons/ha");
        p.Check(Year is null or (>= 1800 and <= 3000), "year", "must be a year from 1800 to 3000");
        if (Trend && Year is not null)
        {
            p.Add("year", RequestProblem.Conflict, "give either year or trend: the trend shows every year");
        }
    }
}
