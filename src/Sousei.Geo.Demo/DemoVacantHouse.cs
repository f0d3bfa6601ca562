namespace Sousei.Geo.Demo;

/// <summary>A surveyed vacant house of the demo data (fields of docs/data-model.md, owner fields obviously fake).</summary>
internal sealed record DemoVacantHouse(
    DemoBuilding Building,
    string Id,
    string VacancyLikelihood,
    string DecayRank,
    int BuiltYear,
    string Structure,
    double FloorAreaSquareMeters,
    double LandAreaSquareMeters,
    double FrontageRoadWidthMeters,
    string SurveyDate,
    string Status,
    string OwnerName,
    string OwnerContact);
