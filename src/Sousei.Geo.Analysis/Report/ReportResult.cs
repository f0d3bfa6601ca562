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

    /// <summary>What the store says about itself (title, synthetic, credits, population basis).</summary>
    public StoreMetadata Metadata { get; init; } = StoreMetadata.None;

    /// <summary>The day the report was made, and the project's version.</summary>
    public DateOnly RunDate { get; init; }

    public string Version { get; init; } = "";

    /// <summary>The service day of the transit sections; null without timetables.</summary>
    public DateOnly? ServiceDate { get; init; }

    /// <summary>The years each layer holds, by layer key (households: 2015, 2023).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> LayerYears { get; init; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The strategy's KPI among <see cref="Density"/>; null without density.</summary>
    public ReportKpi? Kpi { get; init; }

    /// <summary>IF101 per year of the KPI's method.</summary>
    public IReadOnlyList<ShareOfCityYear> ShareOfCity { get; init; } = [];

    /// <summary>IF107 from the store's projection; null without one.</summary>
    public ProjectedDensityResult? Future { get; init; }

    /// <summary>Accessibility to the central hub by zone; null without residents, a central hub or timetables.</summary>
    public AccessibilityReport? Accessibility { get; init; }

    /// <summary>Vacant houses per zone and status; empty without vacant houses.</summary>
    public IReadOnlyList<VacantZoneCounts> VacantByZone { get; init; } = [];

    /// <summary>The what-if of the top 100 vacant houses; null without vacant houses or density.</summary>
    public Vacant.WhatIfReport? WhatIfTop100 { get; init; }
}
