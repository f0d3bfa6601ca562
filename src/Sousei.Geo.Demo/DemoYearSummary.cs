namespace Sousei.Geo.Demo;

/// <summary>One year of the generated population: households, persons, and persons inside the inducement area.</summary>
public sealed record DemoYearSummary(int Year, int Households, int Persons, int PersonsInsideInducementArea, double InsideDensityPerHectare);
