namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Residents inside the public-transport walkable area, each household counted once (a union of catchments).
/// Shares are 0–1; <see cref="ShareOfInducementArea"/> is null when no inducement area was given or nobody lives in it.
/// Persons are whole numbers from households; from population units (areal weighting) they may be fractional.
/// </summary>
public sealed record CoverageResult(
    double Persons,
    double CoveredPersons,
    double ShareOfCity,
    double InducementPersons,
    double CoveredInducementPersons,
    double? ShareOfInducementArea,
    int RailStops,
    int QualifyingBusStops);
