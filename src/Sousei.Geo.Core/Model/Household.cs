namespace Sousei.Geo.Core.Model;

/// <summary>A geocoded resident-registry household: a point in longitude/latitude (degrees), its persons and the registry year.</summary>
public readonly record struct Household(double Longitude, double Latitude, int Persons, int Year);
