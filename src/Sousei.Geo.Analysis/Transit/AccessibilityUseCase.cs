using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>Accessibility of the residents to the central hub: routing parameters and the residents' year.</summary>
public sealed record AccessibilityRequest
{
    public TransitParameters Transit { get; init; } = new();

    public int? Year { get; init; }

    /// <summary>Arrive-by deadline at the central hub, seconds after midnight; null: none asked.</summary>
    public int? ArriveBySeconds { get; init; }

    internal void Validate(Parameters p)
    {
        Transit.Validate(p);
        p.Check(ArriveBySeconds is null or (>= 0 and <= 48 * 3600), "arrive_by", "must be a time from 00:00 to 48:00");
    }
}

/// <summary>
/// Shares of residents reaching the central hub within 30 / 45 minutes (median over the window), per zone; with the
/// age groups where known, the time to the nearest regional hub, and arrive-by when asked.
/// </summary>
public sealed record AccessibilityReport(DateOnly Date, string Window, Population Population, CentreAccessibilityResult Result);

/// <summary>
/// <c>accessibility</c>: median travel time from every resident to the central hub (range-RAPTOR), shares within
/// 30 and 45 minutes overall and per zone, the same for the residents aged 65+ and 0–14 where the data has them, the
/// median time to the nearest regional hub, and with <c>arrive_by</c> the latest departure that reaches the centre by
/// then. Residents are households, or population units at their interior points.
/// </summary>
public sealed class AccessibilityUseCase : IAnalysis<AccessibilityRequest, AccessibilityReport>
{
    public static AccessibilityUseCase Instance { get; } = new();

    public string Name => "accessibility";

    public string Summary => "share of residents reaching the central hub within 30 / 45 minutes by public transport, per zone";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        .. TransitParameters.Specs,
        new("year", "Y", "year of the residents (default: the latest)"),
        new("arrive_by", "HH:MM", "also give, per zone, who can reach the central hub by this time and their latest departure (searched over the 3 hours before)"),
    ];

    public AccessibilityRequest Parse(Parameters p)
    {
        var request = new AccessibilityRequest { Transit = TransitParameters.Parse(p), Year = p.Whole("year"), ArriveBySeconds = p.Time("arrive_by") };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(AccessibilityRequest request, CityLayers available) => CityLayers.Gtfs | CityLayers.Hubs | CityLayers.Zones | Population.Layers;

    public AccessibilityReport Run(City city, AccessibilityRequest request)
    {
        Requests.Parameters.Validate(request.Validate);
        city.RequireLayer(CityLayers.Gtfs | CityLayers.Hubs, "accessibility");
        var central = city.Dataset.Hubs.FirstOrDefault(h => h.IsCentral)
            ?? throw new RequestException("data", RequestProblem.MissingLayer, "accessibility needs a hub of kind 'central' in hubs.geojson");
        var population = Population.Of(city, request.Year, "accessibility");
        var day = city.Transit(request.Transit.Date, request.Transit.Scenarios);
        var targets = new AccessibilityTargets { RegionalHubs = city.Dataset.Hubs.Where(h => !h.IsCentral).ToList(), ArriveBySeconds = request.ArriveBySeconds };
        var result = city.Memo(("accessibility", day.Date, request.Transit.Key, population.Source, population.Year, request.ArriveBySeconds),
            () => CentreAccessibility.Compute(day.Network, central, population.AsPoints(), city.Dataset.Zones, request.Transit.ToOptions(), targets: targets));
        return new AccessibilityReport(day.Date, request.Transit.WindowText, population, result);
    }

    public void WriteJson(Utf8JsonWriter w, AccessibilityReport r)
    {
        w.WriteStartObject();
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("hub", r.Result.CentralHubId);
        w.WriteString("window", r.Window);
        w.WriteString("population_source", r.Population.SourceName);
        w.WriteNumber("year", r.Population.Year);
        if (r.Result.ArriveBySeconds is { } deadline)
        {
            w.WriteString("arrive_by", TransitOptions.FormatClock(deadline));
        }

        w.WriteStartArray("zones");
        foreach (var z in new[] { r.Result.All }.Concat(r.Result.Zones))
        {
            WriteZone(w, z);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One zone's row: persons, shares within 30 / 45 minutes, the median, the age groups, the nearest hub, arrive-by.</summary>
    internal static void WriteZone(Utf8JsonWriter w, ZoneAccessibility z)
    {
        w.WriteStartObject();
        w.WriteString("id", z.ZoneId);
        w.WriteString("name", z.ZoneName);
        w.WriteNumber("persons", z.Persons);
        w.WriteNumber("share_within_30", Math.Round(z.ShareWithin30, 4));
        w.WriteNumber("share_within_45", Math.Round(z.ShareWithin45, 4));
        w.WriteNumberOrNull("median_minutes", z.MedianMinutes, 1);
        WriteAgeGroup(w, "aged_65plus", z.Aged65Plus);
        WriteAgeGroup(w, "aged_0_14", z.Aged0To14);
        if (z.NearestHub is { } n)
        {
            w.WriteStartObject("nearest_hub");
            w.WriteNumber("share_within_15", Math.Round(z.Persons == 0 ? 0 : (double)n.PersonsWithin15 / z.Persons, 4));
            w.WriteNumber("share_within_30", Math.Round(z.Persons == 0 ? 0 : (double)n.PersonsWithin30 / z.Persons, 4));
            w.WriteNumberOrNull("median_minutes", n.MedianMinutes, 1);
            w.WriteEndObject();
        }

        if (z.ArriveBy is { } a)
        {
            w.WriteStartObject("arrive_by");
            w.WriteNumber("persons", a.PersonsArriving);
            w.WriteNumber("share", Math.Round(z.Persons == 0 ? 0 : (double)a.PersonsArriving / z.Persons, 4));
            if (a.MedianLatestDepartureSeconds is { } t)
            {
                w.WriteString("median_latest_departure", TransitOptions.FormatClock(t));
            }
            else
            {
                w.WriteNull("median_latest_departure");
            }

            w.WriteNumberOrNull("median_travel_minutes", a.MedianTravelMinutes, 1);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteAgeGroup(Utf8JsonWriter w, string name, AgeGroupAccessibility? group)
    {
        if (group is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("persons", group.Persons);
        w.WriteNumber("share_within_30", Math.Round(group.ShareWithin30, 4));
        w.WriteNumber("share_within_45", Math.Round(group.ShareWithin45, 4));
        w.WriteEndObject();
    }
}
