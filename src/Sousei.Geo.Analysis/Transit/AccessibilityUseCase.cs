using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>Accessibility of the residents to the central hub: routing parameters and the residents' year.</summary>
public sealed record AccessibilityRequest
{
    public TransitParameters Transit { get; init; } = new();

    public int? Year { get; init; }
}

/// <summary>Shares of residents reaching the central hub within 30 / 45 minutes (median over the window), per zone.</summary>
public sealed record AccessibilityReport(DateOnly Date, string Window, Population Population, CentreAccessibilityResult Result);

/// <summary>
/// <c>accessibility</c>: median travel time from every resident to the central hub (range-RAPTOR), shares within
/// 30 and 45 minutes overall and per zone. Residents are households, or population units at their interior points.
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
    ];

    public AccessibilityRequest Parse(Parameters p)
    {
        var request = new AccessibilityRequest { Transit = TransitParameters.Parse(p), Year = p.Whole("year") };
        request.Transit.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(AccessibilityRequest request, CityLayers available) => CityLayers.Gtfs | CityLayers.Hubs | CityLayers.Zones | Population.Layers;

    public AccessibilityReport Run(City city, AccessibilityRequest request)
    {
        Requests.Parameters.Validate(p => request.Transit.Validate(p));
        city.RequireLayer(CityLayers.Gtfs | CityLayers.Hubs, "accessibility");
        var central = city.Dataset.Hubs.FirstOrDefault(h => h.IsCentral)
            ?? throw new RequestException("data", RequestProblem.MissingLayer, "accessibility needs a hub of kind 'central' in hubs.geojson");
        var population = Population.Of(city, request.Year, "accessibility");
        var day = city.Transit(request.Transit.Date, request.Transit.Scenarios);
        var result = city.Memo(("accessibility", day.Date, request.Transit.Key, population.Source, population.Year),
            () => CentreAccessibility.Compute(day.Network, central, population.AsPoints(), city.Dataset.Zones, request.Transit.ToOptions()));
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
        w.WriteStartArray("zones");
        foreach (var z in new[] { r.Result.All }.Concat(r.Result.Zones))
        {
            w.WriteStartObject();
            w.WriteString("id", z.ZoneId);
            w.WriteString("name", z.ZoneName);
            w.WriteNumber("persons", z.Persons);
            w.WriteNumber("share_within_30", Math.Round(z.ShareWithin30, 4));
            w.WriteNumber("share_within_45", Math.Round(z.ShareWithin45, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
