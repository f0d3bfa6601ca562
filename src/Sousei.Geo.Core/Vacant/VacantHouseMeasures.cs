using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// A vacant house's place (<see cref="VacantHouseSite"/>: point, inside the inducement area, zones) and its
/// distances to the nearest hub of any kind, to the nearest hub of kind <c>regional</c> and to the nearest
/// frequent stop (<see cref="Transit.FrequentStops"/>). Distances are straight lines in the study area's plane CRS
/// (EPSG:6670 for Kumamoto), metres, not rounded; null when there is nothing to measure to. Of hubs at equal
/// distance the first in input order is the nearest. The one computation behind the ranking, what-if, the
/// filters and the service's vacant-house fields.
/// </summary>
public sealed record VacantHouseMeasures(
    VacantHouseSite Site,
    string? NearestHubId,
    double? DistanceToNearestHubMeters,
    string? NearestRegionalHubId,
    double? DistanceToRegionalHubMeters,
    double? DistanceToFrequentStopMeters)
{
    /// <summary>Measures every house, in input order. Thread-safe (the study area is read-only).</summary>
    /// <param name="study">Inducement area and zones; its projection gives the plane CRS.</param>
    /// <param name="houses">The survey (every status, demolished included).</param>
    /// <param name="hubs">Hubs of every kind.</param>
    /// <param name="frequentStops">Frequent stops in longitude/latitude; null: no distance to them (no GTFS).</param>
    public static IReadOnlyList<VacantHouseMeasures> MeasureAll(StudyArea study, IReadOnlyList<VacantHouse> houses, IReadOnlyList<Hub> hubs, IReadOnlyList<(double Longitude, double Latitude)>? frequentStops)
    {
        var measurer = new VacantHouseMeasurer(study, hubs, frequentStops);
        var result = new VacantHouseMeasures[houses.Count];
        Parallel.For(0, houses.Count, i => result[i] = measurer.Measure(houses[i]));
        return result;
    }
}
