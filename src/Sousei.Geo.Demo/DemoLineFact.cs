namespace Sousei.Geo.Demo;

/// <summary>
/// A trunk transit line of the demo network. <see cref="Waypoints"/> are hub ids or named
/// longitude/latitude anchors (see <see cref="KumamotoDemoFacts.Anchors"/>), in running order;
/// <see cref="StopSpacingMeters"/> spaces the intermediate stops (0 = stops only at waypoints).
/// Headways in minutes for the peaks (07–09, 17–19) and the rest of the day; speed in km/h.
/// </summary>
internal sealed record DemoLineFact(
    string RouteId,
    string ShortName,
    string LongName,
    int RouteType,
    string Color,
    string[] Waypoints,
    double StopSpacingMeters,
    double SpeedKilometersPerHour,
    int PeakHeadwayMinutes,
    int OffPeakHeadwayMinutes,
    double CorridorHalfWidthMeters);
