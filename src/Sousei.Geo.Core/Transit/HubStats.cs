using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Core.Transit;

/// <summary>
/// One hub's service: its stops (within the access radius), the trips per day and distinct routes calling
/// there, and the median travel time to the central hub in minutes (0 for the central hub, null when unreachable
/// or when there is no central hub).
/// </summary>
public sealed record HubStats(string Id, string Name, HubKind Kind, int StopCount, int TripsPerDay, int Routes, double? MinutesToCentral);
