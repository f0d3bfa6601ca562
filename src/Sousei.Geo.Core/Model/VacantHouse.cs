using NetTopologySuite.Geometries;

namespace Sousei.Geo.Core.Model;

/// <summary>
/// A surveyed vacant house (空き家). Geometry is a point or footprint in longitude/latitude.
/// <see cref="OwnerName"/> and <see cref="OwnerContact"/> are personal data: restricted, never public.
/// </summary>
public sealed record VacantHouse(
    string Id,
    Geometry Geometry,
    string? VacancyLikelihood,
    string? DecayRank,
    int? BuiltYear,
    string? Structure,
    double? FloorAreaSquareMeters,
    double? LandAreaSquareMeters,
    double? FrontageRoadWidthMeters,
    string? SurveyDate,
    string? Status,
    string? OwnerName,
    string? OwnerContact);
