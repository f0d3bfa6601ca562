using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Vacant;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.Analysis.Json;

/// <summary>
/// The JSON of the vacant-house analyses, shared by <c>sousei vacant rank</c> / <c>sousei whatif</c> and the
/// service endpoints so that both answer alike. Only public survey attributes and computed fields are written:
/// the restricted owner fields (<see cref="RestrictedProperties"/>) never are. Distances in metres (plane CRS)
/// and minutes rounded to 0.1; persons to 1e-4; coordinates longitude/latitude (RFC 7946).
/// </summary>
public static class VacantAnalysisJson
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>Properties that must never appear in this output (tests assert it).</summary>
    public static IReadOnlyList<string> RestrictedProperties { get; } = ["owner_name", "owner_contact"];

    /// <summary>The ranking as one object: weights, terms, notes, and the given rows (e.g. the top N).</summary>
    public static void WriteRanking(Utf8JsonWriter w, VacantRankingResult ranking, IReadOnlyList<RankedVacantHouse> rows, IReadOnlyList<string> notes)
    {
        w.WriteStartObject();
        WriteRankingHeader(w, ranking, notes);
        w.WriteNumber("count", ranking.Houses.Count);
        w.WriteStartArray("houses");
        foreach (var h in rows)
        {
            w.WriteStartObject();
            WriteHouse(w, h);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The ranking as an RFC 7946 FeatureCollection of representative points, best first.</summary>
    public static void WriteRankingGeoJson(Utf8JsonWriter w, VacantRankingResult ranking, IReadOnlyList<RankedVacantHouse> rows, IReadOnlyList<string> notes)
    {
        GeoJsonGeometryWriter.WriteFeatureCollectionStart(w, m =>
        {
            m.WriteStartObject("ranking");
            WriteRankingHeader(m, ranking, notes);
            m.WriteEndObject();
        });
        foreach (var h in rows)
        {
            GeoJsonGeometryWriter.WriteFeature(w, LonLat.CreatePoint(new Coordinate(h.Site.Longitude, h.Site.Latitude)), p => WriteHouse(p, h), h.Id);
        }

        GeoJsonGeometryWriter.WriteFeatureCollectionEnd(w);
    }

    private static void WriteRankingHeader(Utf8JsonWriter w, VacantRankingResult ranking, IReadOnlyList<string> notes)
    {
        var wt = ranking.Weights;
        w.WriteStartObject("weights");
        w.WriteNumber("inside", wt.Inside);
        w.WriteNumber("transit", wt.Transit);
        w.WriteNumber("hub_distance", wt.HubDistance);
        w.WriteNumber("frequent_stop", wt.FrequentStop);
        w.WriteNumber("decay", wt.Decay);
        w.WriteNumber("likelihood", wt.Likelihood);
        w.WriteNumber("floor_area", wt.FloorArea);
        w.WriteEndObject();
        Strings(w, "terms_used", ranking.TermsUsed);
        Strings(w, "terms_left_out", ranking.TermsLeftOut);
        Strings(w, "not_ranked", ranking.NotRankedIds);
        Strings(w, "notes", notes);
    }

    /// <summary>The properties of one ranked house (no owner fields).</summary>
    public static void WriteHouse(Utf8JsonWriter w, RankedVacantHouse h)
    {
        var house = h.Site.House;
        w.WriteNumber("rank", h.Rank);
        w.WriteString("id", h.Id);
        w.WriteNumber("score", h.Score);
        w.WriteBoolean("inside_inducement_area", h.Site.InsideInducementArea);
        Strings(w, "zones", h.Site.ZoneIds);
        JsonWriting.WriteNumberOrNull(w, "minutes_to_central", Round(h.MinutesToCentralHub, 1));
        String(w, "nearest_regional_hub", h.NearestRegionalHubId);
        JsonWriting.WriteNumberOrNull(w, "distance_to_regional_hub_m", Round(h.DistanceToRegionalHubMeters, 1));
        String(w, "nearest_hub", h.NearestHubId);
        JsonWriting.WriteNumberOrNull(w, "distance_to_nearest_hub_m", Round(h.DistanceToNearestHubMeters, 1));
        JsonWriting.WriteNumberOrNull(w, "distance_to_frequent_stop_m", Round(h.DistanceToFrequentStopMeters, 1));
        if (h.FrequentStopNearby is { } near)
        {
            w.WriteBoolean("frequent_stop_nearby", near);
        }
        else
        {
            w.WriteNull("frequent_stop_nearby");
        }

        String(w, "vacancy_likelihood", house.VacancyLikelihood);
        String(w, "decay_rank", house.DecayRank);
        JsonWriting.WriteNumberOrNull(w, "floor_area_m2", house.FloorAreaSquareMeters);
        JsonWriting.WriteNumberOrNull(w, "built_year", house.BuiltYear);
        String(w, "structure", house.Structure);
        String(w, "status", house.Status);
        String(w, "survey_date", house.SurveyDate);
        w.WriteStartObject("terms");
        w.WriteNumber("inside", h.Terms.Inside);
        JsonWriting.WriteNumberOrNull(w, "transit", Round(h.Terms.Transit, 6));
        JsonWriting.WriteNumberOrNull(w, "hub_distance", Round(h.Terms.HubDistance, 6));
        JsonWriting.WriteNumberOrNull(w, "frequent_stop", h.Terms.FrequentStop);
        w.WriteNumber("decay", h.Terms.Decay);
        w.WriteNumber("likelihood", h.Terms.Likelihood);
        w.WriteNumber("floor_area", Math.Round(h.Terms.FloorArea, 6));
        w.WriteEndObject();
    }

    /// <summary>
    /// The what-if: the chosen houses, the whole area and each zone before and after, and the target-reach answer.
    /// <paramref name="zoneKinds"/> adds each zone's kind when known.
    /// </summary>
    public static void WriteWhatIf(Utf8JsonWriter w, WhatIfResult r, TargetReachResult reach, HouseholdSizes sizes, IReadOnlyDictionary<string, string>? zoneKinds, IReadOnlyList<string> notes)
    {
        var before = r.Before.Total;
        var after = r.After.Total;
        w.WriteStartObject();
        w.WriteString("method", DensityJson.MethodName(r.Before.Method));
        w.WriteNumber("year", r.Before.Year);
        w.WriteNumber("target_per_ha", before.TargetPerHectare);
        w.WriteStartObject("persons_per_household");
        if (sizes.FixedSize is { } f)
        {
            w.WriteString("source", "given");
            w.WriteNumber("value", f);
        }
        else
        {
            w.WriteString("source", "zone average of the resident data (smallest covering zone with households, else the area)");
            JsonWriting.WriteNumberOrNull(w, "year", sizes.Year);
            JsonWriting.WriteNumberOrNull(w, "area_average", Round(sizes.AreaAverage, 4));
            w.WriteStartObject("zone_averages");
            foreach (var (id, avg) in sizes.ZoneAverages.OrderBy(z => z.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(id, Math.Round(avg, 4));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("occupied");
        foreach (var o in r.Occupied)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteBoolean("inside_inducement_area", o.InsideInducementArea);
            w.WriteNumber("persons", Math.Round(o.Persons, 4));
            Strings(w, "zones", o.CountedZoneIds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("persons_added_inside", Math.Round(r.PersonsAddedInside, 4));
        w.WriteNumber("area_ha", before.AreaHectares);
        w.WriteNumber("population_before", Math.Round(before.Population, 4));
        w.WriteNumber("population_after", Math.Round(after.Population, 4));
        JsonWriting.WriteNumberOrNull(w, "density_before", before.DensityPerHectare);
        JsonWriting.WriteNumberOrNull(w, "density_after", after.DensityPerHectare);
        w.WriteNumber("gap_persons_before", before.GapPersons);
        w.WriteNumber("gap_persons_after", after.GapPersons);
        w.WriteBoolean("meets_target_before", before.MeetsTarget);
        w.WriteBoolean("meets_target_after", after.MeetsTarget);
        w.WriteStartArray("zones");
        for (var i = 0; i < r.Before.Zones.Count; i++)
        {
            var zb = r.Before.Zones[i];
            var za = r.After.Zones[i];
            w.WriteStartObject();
            w.WriteString("id", zb.Id);
            w.WriteString("name", zb.Name);
            if (zoneKinds is not null && zoneKinds.TryGetValue(zb.Id, out var kind))
            {
                w.WriteString("kind", kind);
            }

            w.WriteNumber("area_ha", zb.AreaHectares);
            w.WriteNumber("persons_added", Math.Round(za.Population - zb.Population, 4));
            w.WriteNumber("population_before", Math.Round(zb.Population, 4));
            w.WriteNumber("population_after", Math.Round(za.Population, 4));
            JsonWriting.WriteNumberOrNull(w, "density_before", zb.DensityPerHectare);
            JsonWriting.WriteNumberOrNull(w, "density_after", za.DensityPerHectare);
            w.WriteNumber("gap_persons_before", zb.GapPersons);
            w.WriteNumber("gap_persons_after", za.GapPersons);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("target_reach");
        WriteTargetReach(w, reach);
        Strings(w, "notes", notes);
        w.WriteEndObject();
    }

    /// <summary>The target-reach answer: the whole area and each zone.</summary>
    public static void WriteTargetReach(Utf8JsonWriter w, TargetReachResult reach)
    {
        w.WriteStartObject();
        w.WriteNumber("target_per_ha", reach.TargetPerHectare);
        w.WriteString("rule", "top-ranked vacant houses inside the area, in rank order, until the gap is closed");
        w.WritePropertyName("total");
        Reach(w, reach.Total);
        w.WriteStartArray("zones");
        foreach (var z in reach.Zones)
        {
            Reach(w, z);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Reach(Utf8JsonWriter w, TargetReachRow row)
    {
        w.WriteStartObject();
        w.WriteString("id", row.Id);
        w.WriteString("name", row.Name);
        w.WriteNumber("gap_persons_before", row.GapPersonsBefore);
        w.WriteBoolean("already_meets", row.AlreadyMeets);
        JsonWriting.WriteNumberOrNull(w, "houses_needed", row.HousesNeeded);
        w.WriteBoolean("stock_enough", row.StockEnough);
        w.WriteNumber("houses_available", row.HousesAvailable);
        w.WriteNumber("persons_available", Math.Round(row.PersonsAvailable, 4));
        w.WriteNumber("gap_persons_if_all_occupied", row.GapPersonsIfAllOccupied);
        w.WriteString("answer", Answer(row));
        w.WriteEndObject();
    }

    /// <summary>One sentence for a target-reach row, e.g. "9 houses" or "stock not enough: …".</summary>
    public static string Answer(TargetReachRow row) =>
        row.AlreadyMeets ? "already meets the target"
        : row.HousesNeeded is { } n ? $"{n} of {row.HousesAvailable} houses"
        : $"stock not enough: all {row.HousesAvailable} houses leave {row.GapPersonsIfAllOccupied} persons missing";

    internal static double? Round(double? v, int digits) => v is { } x ? Math.Round(x, digits) : null;

    internal static void String(Utf8JsonWriter w, string name, string? value)
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

    internal static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
