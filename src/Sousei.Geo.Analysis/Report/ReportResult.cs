using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Report;

/// <summary>A section the report left out, and why (the layer it needs, named as in the store).</summary>
public sealed record ReportOmission(string Section, string Reason);

/// <summary>
/// Which transit figures rest on the scenarios (approximated or hypothetical lines) rather than the published
/// timetables: the scenarios applied, the hub pairs whose median changes because of them, the hubs reachable from
/// the central hub only through them, and the persons covered as published.
/// </summary>
public sealed record ReportScenarios(
    IReadOnlyList<(string Reference, string Name, string? Description)> Applied,
    int PairsChanged,
    int Pairs,
    IReadOnlyList<string> HubsReachedOnlyThroughScenarios,
    double? CoveredPersonsAsPublished);

/// <summary>Counts of what the data holds.</summary>
public sealed record ReportInventory(int Households, int PopulationUnits, int Buildings, int Zones, int Hubs, int VacantHouses, int GtfsFeeds, double InducementAreaHectares);

/// <summary>
/// Every analysis the data supports, each the result of its own use case: density by every method (latest year
/// each), the trend, hub connectivity, coverage, and the vacant houses inside the inducement area. A section the
/// data cannot support is null and listed in <see cref="LeftOut"/> with the reason.
/// </summary>
public sealed record ReportResult(
    string Source,
    int Epsg,
    double TargetPerHectare,
    ReportInventory Inventory,
    IReadOnlyList<DensityResult> Density,
    IReadOnlyDictionary<string, string> ZoneKinds,
    TrendReport? Trend,
    HubConnectivityResult? Hubs,
    string? CentralHubId,
    CoverageReport? Coverage,
    int? VacantHousesInside,
    IReadOnlyList<ReportOmission> LeftOut,
    IReadOnlyList<string> Notes)
{
    /// <summary>Null when no scenario was applied.</summary>
    public ReportScenarios? Scenarios { get; init; }
}
