using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// A population unit with a polygon in longitude/latitude: a 町丁目 with resident-registry counts,
/// or a census mesh cell. <see cref="Persons"/> is the unit's population in <see cref="Year"/>.
/// </summary>
public sealed record TownBlock(string Code, string Name, Geometry Geometry, int Persons, int Year);
