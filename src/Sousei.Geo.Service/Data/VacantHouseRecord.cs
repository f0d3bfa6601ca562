using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Service.Data;

/// <summary>
/// A vacant house with the fields computed once at load: its representative point (the point itself, or an
/// interior point of the footprint) in longitude/latitude, whether it lies in the inducement area, the zones
/// covering it (in zone order; <see cref="Zone"/> is the first), the nearest hub and the EPSG plane distances
/// in metres to it and to the nearest frequent stop (null without GTFS).
/// </summary>
public sealed record VacantHouseRecord(
    VacantHouse House,
    double Longitude,
    double Latitude,
    bool InsideInducementArea,
    IReadOnlyList<string> ZoneIds,
    string? NearestHub,
    double? DistanceToNearestHubMeters,
    double? DistanceToFrequentStopMeters)
{
    public string? Zone => ZoneIds.Count > 0 ? ZoneIds[0] : null;
}
