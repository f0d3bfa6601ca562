namespace Sousei.Geo.Core.Transit;

/// <summary>Persons of a zone (or of everyone, with id "all") and how many reach the central hub within 30 / 45 minutes by median travel time; shares 0–1.</summary>
public sealed record ZoneAccessibility(string ZoneId, string ZoneName, long Persons, long PersonsWithin30, long PersonsWithin45)
{
    public double ShareWithin30 => Persons == 0 ? 0 : (double)PersonsWithin30 / Persons;

    public double ShareWithin45 => Persons == 0 ? 0 : (double)PersonsWithin45 / Persons;
}
