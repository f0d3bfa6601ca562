using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>An area for breakdowns (a ward, a hub area, ...), polygon in longitude/latitude.</summary>
public sealed record Zone(string Id, string Name, string Kind, Geometry Geometry);
