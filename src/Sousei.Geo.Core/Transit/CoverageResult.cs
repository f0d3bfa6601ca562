namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Residents inside the public-transport walkable area, each household counted once (a union of catchments).
/// Shares are 0–1; <see cref="ShareOfInducementArea"/> is null when no inducement area was given or nobody lives in it.
/// </summary>
public sealed record CoverageResult(
    long Persons,
    long CoveredPersons,
    double ShareOfCity,
    long InducementPersons,
    long CoveredInducementPersons,
    double? ShareOfInducementArea,
    int RailStops,
    int QualifyingBusStops);
