using NetTopologySuite.Geometries;

namespace Sousei.Geo.Demo;

/// <summary>A zone of the demo city (<c>ward</c> or <c>hub_area</c>), geometry in rounded longitude/latitude.</summary>
internal sealed record DemoZone(string Id, string Name, string Kind, Geometry Geometry);
