namespace Sousei.Geo.Core.Transit;

/// <summary>
/// One call of a trip at a stop (GTFS <c>stop_times.txt</c>), times in seconds after midnight of the
/// service day (values past 24:00 kept). Untimed calls have been interpolated by the reader.
/// <see cref="PickupType"/> / <see cref="DropOffType"/> 1 forbid boarding / alighting.
/// </summary>
public readonly record struct GtfsStopTime(string StopId, int StopSequence, int ArrivalSeconds, int DepartureSeconds, int PickupType, int DropOffType);
