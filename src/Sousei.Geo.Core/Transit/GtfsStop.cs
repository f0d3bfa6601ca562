namespace Sousei.Geo.Core.Transit;

/// <summary>
/// A row of GTFS <c>stops.txt</c>, id namespaced by feed (<c>feed:stop_id</c>). Coordinates are
/// WGS84 / JGD2011 longitude and latitude in degrees. <see cref="LocationType"/> follows the GTFS
/// reference: 0 stop or platform (boarded), 1 station (never boarded), 2 entrance, 3 generic node,
/// 4 boarding area.
/// </summary>
public sealed record GtfsStop(string Id, string Name, double Longitude, double Latitude, int LocationType, string? ParentStation);
