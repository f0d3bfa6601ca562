namespace Sousei.Geo.Core.Transit;

/// <summary>
/// A row of GTFS <c>trips.txt</c> with its calls ordered by <c>stop_sequence</c>; ids namespaced by
/// feed. <see cref="DirectionId"/> is null when the feed leaves <c>direction_id</c> empty.
/// </summary>
public sealed record GtfsTrip(string Id, string RouteId, string ServiceId, int? DirectionId, string Headsign, IReadOnlyList<GtfsStopTime> StopTimes);
