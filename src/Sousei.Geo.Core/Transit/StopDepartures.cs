namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Departures per day at one stop in one direction (<see cref="DirectionId"/> = GTFS direction_id, −1 when the
/// feed leaves it empty; GTFS-JP poles usually serve one direction each). A departure is a call where
/// boarding is allowed that is not the trip's last call.
/// </summary>
public sealed record StopDepartures(string StopId, string StopName, double Longitude, double Latitude, bool IsRail, int DirectionId, int DeparturesPerDay);
