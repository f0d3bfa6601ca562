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
    int QualifyingBusStops)
{
    /// <summary>The same for the residents aged 65 or over, where their numbers are known (null: none are).</summary>
    public CoverageCounts? Aged65Plus { get; init; }

    /// <summary>The same for the residents aged 0–14, where their numbers are known (null: none are).</summary>
    public CoverageCounts? Aged0To14 { get; init; }

    /// <summary>Per zone (when zones were given), the same counts for the residents inside it.</summary>
    public IReadOnlyList<ZoneCoverage> Zones { get; init; } = [];
}

/// <summary>Coverage of the residents of one zone: everyone, and the age groups where known.</summary>
public sealed record ZoneCoverage(string ZoneId, string ZoneName, CoverageCounts All, CoverageCounts? Aged65Plus, CoverageCounts? Aged0To14);

/// <summary>Persons (of everyone or of one age group), covered, inside the inducement area and covered there (areal weighting for units).</summary>
public sealed record CoverageCounts(double Persons, double CoveredPersons, double InducementPersons, double CoveredInducementPersons)
{
    public double ShareOfCity => Persons == 0 ? 0 : CoveredPersons / Persons;

    /// <summary>Null when nobody of the group lives in the inducement area (or there is none).</summary>
    public double? ShareOfInducementArea => InducementPersons == 0 ? null : CoveredInducementPersons / InducementPersons;
}
