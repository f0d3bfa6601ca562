using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>
/// A vacant house with the fields computed once per city (<see cref="VacantHouseMeasures"/>, the same place,
/// zones and distances as the ranking and the filters): its representative point in longitude/latitude, whether
/// it lies in the inducement area, the zones covering it (in zone order; <see cref="Zone"/> is the first), the
/// nearest hub and plane distances in metres, rounded to 0.1 m for output (null without GTFS for frequent stops).
/// Carries the survey record including restricted owner fields: writers must leave those out of public output.
/// </summary>
public sealed record VacantHouseRecord(
    VacantHouse House,
    VacantHouseMeasures Measures,
    double Longitude,
    double Latitude,
    bool InsideInducementArea,
    IReadOnlyList<string> ZoneIds,
    string? NearestHub,
    double? DistanceToNearestHubMeters,
    double? DistanceToFrequentStopMeters)
{
    public string? Zone => ZoneIds.Count > 0 ? ZoneIds[0] : null;

    /// <summary>Measures every house of the city; frequent stops of the default service day when the city has GTFS.</summary>
    internal static IReadOnlyList<VacantHouseRecord> MeasureAll(City city)
    {
        var stops = city.Has(CityLayers.Gtfs) ? city.Transit().FrequentStops.Select(s => (s.Longitude, s.Latitude)).ToList() : null;
        return VacantHouseMeasures.MeasureAll(city.Study, city.Dataset.VacantHouses, city.Dataset.Hubs, stops)
            .Select(m => new VacantHouseRecord(m.Site.House, m, m.Site.Longitude, m.Site.Latitude, m.Site.InsideInducementArea, m.Site.ZoneIds,
                m.NearestHubId, Round(m.DistanceToNearestHubMeters), Round(m.DistanceToFrequentStopMeters)))
            .ToList();
    }

    private static double? Round(double? meters) => meters is { } m ? Math.Round(m, 1) : null;
}
