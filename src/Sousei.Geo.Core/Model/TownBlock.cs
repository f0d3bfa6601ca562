using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// A population unit with a polygon in longitude/latitude: a 町丁目 with resident-registry counts,
/// or a census mesh cell. <see cref="Persons"/> is the unit's population in <see cref="Year"/>;
/// <see cref="Persons0To14"/> and <see cref="Persons65Plus"/> its age groups when the source gives them (null: not known).
/// </summary>
public sealed record TownBlock(string Code, string Name, Geometry Geometry, int Persons, int Year, int? Persons0To14 = null, int? Persons65Plus = null);
