using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Export;

/// <summary>
/// The layers of <c>export layers</c>: density by one method and year (the density defaults: households when the data
/// has them, the latest year, 60.7 persons/ha), the transit layers of one service day (default: the busiest weekday)
/// with scenarios applied.
/// </summary>
public sealed record LayersExportRequest
{
    public DensityMethod? Method { get; init; }

    public int? Year { get; init; }

    public double TargetPerHectare { get; init; } = DensityCalculator.DefaultTargetPerHectare;

    public DateOnly? Date { get; init; }

    /// <summary>Scenarios applied to the timetables, in order (docs/scenarios.md).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>The density request these values make: the same numbers as <c>sousei density</c> with them.</summary>
    internal DensityRequest Density => new() { Method = Method, Year = Year, TargetPerHectare = TargetPerHectare };

    internal void Validate(Parameters p) => Density.Validate(p);
}
