using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>
/// One line of the demo network in its outbound direction: the stops in running order (indexes into
/// <see cref="DemoTransitNetwork.Stops"/>), each stop's distance along the path in metres, and the
/// path itself in the plane CRS (EPSG:6670).
/// </summary>
internal sealed record DemoRoutePattern(DemoLineFact Line, IReadOnlyList<int> StopIndexes, IReadOnlyList<double> DistanceMeters, LineString PathPlane);
