namespace Sousei.Geo.Core.Transit;

/// <summary>
/// A boardable stop (GTFS location_type 0) of a <see cref="TransitNetwork"/>: id namespaced by feed,
/// longitude/latitude in degrees and <see cref="X"/> / <see cref="Y"/> easting/northing in metres in
/// the network's plane CRS. <see cref="IsRail"/> is true when a rail or tram trip calls here on the service day.
/// </summary>
public sealed record TransitStop(int Index, string Id, string Name, double Longitude, double Latitude, double X, double Y, bool IsRail);
