namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// One ranked vacant house: its rank (1 = best), score (0–100), the term values, and the measured inputs.
/// Distances are straight lines in the study area's plane CRS (EPSG:6670 for Kumamoto), metres.
/// Carries the survey record (<see cref="VacantHouseSite.House"/>) including restricted owner fields:
/// writers must leave those out of public output.
/// </summary>
public sealed record RankedVacantHouse(
    int Rank,
    VacantHouseSite Site,
    double Score,
    VacantScoreTerms Terms,
    double? MinutesToCentralHub,
    string? NearestRegionalHubId,
    double? DistanceToRegionalHubMeters,
    string? NearestHubId,
    double? DistanceToNearestHubMeters,
    double? DistanceToFrequentStopMeters)
{
    public string Id => Site.Id;

    /// <summary>True when a frequent stop lies within the ranking's radius; null without a frequent-stop list.</summary>
    public bool? FrequentStopNearby => Terms.FrequentStop is { } f ? f >= 1 : null;
}
