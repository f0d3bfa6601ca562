using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>Departures per stop on a service day, and which bus stops reach the frequent threshold.</summary>
public sealed record FrequencyRequest
{
    public DateOnly? Date { get; init; }

    /// <summary>Scenarios applied to the timetables, in order (docs/scenarios.md).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Departures a day in one direction that make a bus stop frequent (MLIT: 30).</summary>
    public int MinDepartures { get; init; } = new CoverageOptions().MinBusDeparturesPerDay;
}

/// <summary>Departures per stop and direction, busiest first, with the frequent stops (MLIT definition).</summary>
public sealed record FrequencyResult(DateOnly Date, int MinDepartures, IReadOnlyList<StopDepartures> Stops, int RailStops, int FrequentBusStops);

/// <summary><c>frequency</c>: service frequency per stop (needs GTFS only).</summary>
public sealed class FrequencyUseCase : IAnalysis<FrequencyRequest, FrequencyResult>
{
    public static FrequencyUseCase Instance { get; } = new();

    public string Name => "frequency";

    public string Summary => "departures per stop and direction on a service day; stops with at least 30 departures a day";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        TransitParameters.DateSpec,
        TransitParameters.ScenarioSpec,
        new("min_departures", "N", "departures a day in one direction that make a bus stop frequent (MLIT: 30)"),
    ];

    public FrequencyRequest Parse(Parameters p)
    {
        var request = new FrequencyRequest { Date = p.Date("date"), Scenarios = TransitParameters.ParseScenarios(p), MinDepartures = p.Whole("min_departures") ?? 30 };
        Validate(request, p);
        p.ThrowIfAny();
        return request;
    }

    private static void Validate(FrequencyRequest r, Parameters p) =>
        p.Check(r.MinDepartures is >= 0 and <= 100_000, "min_departures", "must be a whole number from 0 to 100000");

    public CityLayers Layers(FrequencyRequest request, CityLayers available) => CityLayers.Gtfs;

    public FrequencyResult Run(City city, FrequencyRequest request)
    {
        Requests.Parameters.Validate(p => Validate(request, p));
        var day = city.Transit(request.Date, request.Scenarios);
        var frequent = FrequentStops.Find(day.Network, new CoverageOptions { MinBusDeparturesPerDay = request.MinDepartures });
        var stops = day.Departures.OrderByDescending(s => s.DeparturesPerDay).ThenBy(s => s.StopId, StringComparer.Ordinal).ThenBy(s => s.DirectionId).ToList();
        return new FrequencyResult(day.Date, request.MinDepartures, stops, frequent.Count(s => s.IsRail), frequent.Count(s => !s.IsRail));
    }

    public void WriteJson(Utf8JsonWriter w, FrequencyResult r)
    {
        w.WriteStartObject();
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("min_departures", r.MinDepartures);
        w.WriteNumber("rail_stops", r.RailStops);
        w.WriteNumber("frequent_bus_stops", r.FrequentBusStops);
        WriteStops(w, r.Stops);
        w.WriteEndObject();
    }

    internal static void WriteStops(Utf8JsonWriter w, IReadOnlyList<StopDepartures> stops)
    {
        w.WriteStartArray("stops");
        foreach (var f in stops)
        {
            w.WriteStartObject();
            w.WriteString("stop_id", f.StopId);
            w.WriteString("name", f.StopName);
            if (f.DirectionId >= 0)
            {
                w.WriteNumber("direction_id", f.DirectionId);
            }
            else
            {
                w.WriteNull("direction_id");
            }

            w.WriteString("mode", f.IsRail ? "rail" : "bus");
            w.WriteNumber("departures_per_day", f.DeparturesPerDay);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
