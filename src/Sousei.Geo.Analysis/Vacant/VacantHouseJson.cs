using System.Text.Json;
using Sousei.Geo.Analysis.Json;

namespace Sousei.Geo.Analysis.Vacant;

/// <summary>
/// The properties of a vacant house in every JSON output (OGC items, export, viewer): the public survey
/// attributes and the computed fields. The restricted owner fields are written only when
/// <c>includeRestricted</c> is true, which callers set only for a verified staff key.
/// </summary>
public static class VacantHouseJson
{
    /// <summary>Names of the restricted properties; tests assert they never appear in public output.</summary>
    public static IReadOnlyList<string> RestrictedProperties { get; } = ["owner_name", "owner_contact"];

    public static void WriteProperties(Utf8JsonWriter w, VacantHouseRecord r, bool includeRestricted)
    {
        var h = r.House;
        w.WriteString("id"u8, h.Id);
        StringOrNull(w, "vacancy_likelihood"u8, h.VacancyLikelihood);
        StringOrNull(w, "decay_rank"u8, h.DecayRank);
        JsonWriting.WriteNumberOrNull(w, "built_year"u8, h.BuiltYear);
        StringOrNull(w, "structure"u8, h.Structure);
        JsonWriting.WriteNumberOrNull(w, "floor_area_m2"u8, h.FloorAreaSquareMeters);
        JsonWriting.WriteNumberOrNull(w, "land_area_m2"u8, h.LandAreaSquareMeters);
        JsonWriting.WriteNumberOrNull(w, "frontage_road_width_m"u8, h.FrontageRoadWidthMeters);
        StringOrNull(w, "survey_date"u8, h.SurveyDate);
        StringOrNull(w, "status"u8, h.Status);
        w.WriteBoolean("inside_inducement_area"u8, r.InsideInducementArea);
        StringOrNull(w, "zone"u8, r.Zone);
        StringOrNull(w, "nearest_hub"u8, r.NearestHub);
        JsonWriting.WriteNumberOrNull(w, "distance_to_nearest_hub_m"u8, r.DistanceToNearestHubMeters);
        JsonWriting.WriteNumberOrNull(w, "distance_to_frequent_stop_m"u8, r.DistanceToFrequentStopMeters);
        if (includeRestricted)
        {
            StringOrNull(w, "owner_name"u8, h.OwnerName);
            StringOrNull(w, "owner_contact"u8, h.OwnerContact);
        }
    }

    private static void StringOrNull(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
