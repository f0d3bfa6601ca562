using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Density;

namespace Sousei.Geo.Analysis.Report;

/// <summary>The one-screen report: the target and the service day of its transit sections (default: the busiest weekday).</summary>
public sealed record ReportRequest
{
    public double TargetPerHectare { get; init; } = DensityCalculator.DefaultTargetPerHectare;

    public DateOnly? Date { get; init; }

    /// <summary>Scenarios applied to the timetables of the transit sections, in order (docs/scenarios.md).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    internal void Validate(Parameters p) =>
        p.Check(TargetPerHectare is >= 0.0001 and <= 100_000, "target", "must be a number from 0.0001 to 100000 persons/ha");
}
