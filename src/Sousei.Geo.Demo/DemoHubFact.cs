using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Demo;

/// <summary>
/// One hub of Kumamoto's multi-core city as the demo generator places it: longitude/latitude in
/// degrees (JGD2011 ≈ WGS84), the radius of its urban-function area disc in metres, and the
/// weight of its pull on population and commerce (1 = an ordinary regional hub).
/// </summary>
internal sealed record DemoHubFact(string Id, string Name, HubKind Kind, double Longitude, double Latitude, double HubAreaRadiusMeters, double Pull);
