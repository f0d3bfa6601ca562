namespace Sousei.Geo.Core.Transit;

/// <summary>
/// Persons of a zone (or of everyone, with id "all") and how many reach the central hub within 30 / 45 minutes by
/// median travel time; shares 0–1. The optional parts are present when they were asked for (or, for the age groups,
/// when the residents carry them).
/// </summary>
public sealed record ZoneAccessibility(string ZoneId, string ZoneName, long Persons, long PersonsWithin30, long PersonsWithin45)
{
    public double ShareWithin30 => Persons == 0 ? 0 : (double)PersonsWithin30 / Persons;

    public double ShareWithin45 => Persons == 0 ? 0 : (double)PersonsWithin45 / Persons;

    /// <summary>The persons-weighted median of the residents' median minutes to the centre; null: nobody, or more than half without a journey.</summary>
    public double? MedianMinutes { get; init; }

    /// <summary>Residents aged 65 or over (only those whose age groups are known).</summary>
    public AgeGroupAccessibility? Aged65Plus { get; init; }

    /// <summary>Residents aged 0–14 (only those whose age groups are known).</summary>
    public AgeGroupAccessibility? Aged0To14 { get; init; }

    /// <summary>Time to the nearest regional hub.</summary>
    public NearestHubAccessibility? NearestHub { get; init; }

    /// <summary>Arriving at the central hub by the deadline.</summary>
    public ArriveByAccessibility? ArriveBy { get; init; }
}

/// <summary>Persons of one age group and how many of them reach the central hub within 30 / 45 minutes.</summary>
public sealed record AgeGroupAccessibility(long Persons, long PersonsWithin30, long PersonsWithin45)
{
    public double ShareWithin30 => Persons == 0 ? 0 : (double)PersonsWithin30 / Persons;

    public double ShareWithin45 => Persons == 0 ? 0 : (double)PersonsWithin45 / Persons;
}

/// <summary>Persons within 15 / 30 minutes (median) of their nearest regional hub, and the persons-weighted median of those minutes.</summary>
public sealed record NearestHubAccessibility(long PersonsWithin15, long PersonsWithin30, double? MedianMinutes);

/// <summary>
/// Persons who can reach the central hub by the deadline (departing at most the lookback before it), and the
/// persons-weighted medians of their latest departure (seconds after midnight) and of its travel minutes.
/// </summary>
public sealed record ArriveByAccessibility(long PersonsArriving, int? MedianLatestDepartureSeconds, double? MedianTravelMinutes);
