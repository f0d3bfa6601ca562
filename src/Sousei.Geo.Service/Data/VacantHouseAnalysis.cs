using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// Computes the fields of <see cref="VacantHouseRecord"/> with the Core's <see cref="VacantHouseMeasures"/> (the
/// same place, zones and distances as the ranking and the filters), distances rounded to 0.1 m.
/// </summary>
internal static class VacantHouseAnalysis
{
    public static IReadOnlyList<VacantHouseRecord> Compute(CityData data)
    {
        var stops = data.Transit?.FrequentStops.Select(s => (s.Longitude, s.Latitude)).ToList();
        return VacantHouseMeasures.MeasureAll(data.Study, data.Dataset.VacantHouses, data.Dataset.Hubs, stops)
            .Select(m => new VacantHouseRecord(m.Site.House, m.Site.Longitude, m.Site.Latitude, m.Site.InsideInducementArea, m.Site.ZoneIds,
                m.NearestHubId, Round(m.DistanceToNearestHubMeters), Round(m.DistanceToFrequentStopMeters)))
            .ToList();
    }

    private static double? Round(double? meters) => meters is { } m ? Math.Round(m, 1) : null;
}
