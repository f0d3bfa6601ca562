namespace Sousei.Geo.Core.Vacant;

/// <summary>
/// A vacant house assumed lived in again: the persons moving in, whether they count toward the inducement
/// area's density, and the zones (∩ the area) they count toward (empty for a house outside the area).
/// </summary>
public sealed record OccupiedHouse(string Id, bool InsideInducementArea, IReadOnlyList<string> CountedZoneIds, double Persons);
