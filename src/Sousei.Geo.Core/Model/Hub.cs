using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>A hub of the multi-core city: <see cref="Kind"/> is <c>central</c> or <c>regional</c>; point in longitude/latitude.</summary>
public sealed record Hub(string Id, string Name, string Kind, Point Location);
