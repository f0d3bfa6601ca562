using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Tables;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>The MLIT public-transport walkable area over the residents of one year.</summary>
public sealed record CoverageRequest
{
    public DateOnly? Date { get; init; }

    /// <summary>Scenarios applied to the timetables, in order (docs/scenarios.md).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public double RailRadiusMeters { get; init; } = 800;

    public double BusRadiusMeters { get; init; } = 300;

    public int MinDepartures { get; init; } = 30;

    /// <summary>Year of the residents (default: the latest).</summary>
    public int? Year { get; init; }

    internal CoverageOptions Options => new() { RailRadiusMeters = RailRadiusMeters, BusRadiusMeters = BusRadiusMeters, MinBusDeparturesPerDay = MinDepartures };

    internal void Validate(Parameters p)
    {
        p.Check(RailRadiusMeters is >= 0 and <= 10_000, "rail_radius", "must be a number from 0 to 10000 metres");
        p.Check(BusRadiusMeters is >= 0 and <= 10_000, "bus_radius", "must be a number from 0 to 10000 metres");
        p.Check(MinDepartures is >= 0 and <= 100_000, "min_departures", "must be a whole number from 0 to 100000");
        p.Check(Year is null or (>= 1800 and <= 3000), "year", "must be a year from 1800 to 3000");
    }
}

/// <summary>Coverage on a service day, with where the residents came from.</summary>
public sealed record CoverageReport(DateOnly Date, Population Population, CoverageResult Coverage, CoverageRequest Request);

/// <summary>
/// <c>coverage</c>: the share of residents within 800 m of a rail/tram stop or 300 m of a bus stop with at least 30
/// departures a day (MLIT 公共交通徒歩圏), for the city and inside the 居住誘導区域 when the data has it. Residents are
/// households, or population units by areal weighting.
/// </summary>
public sealed class CoverageUseCase : IAnalysis<CoverageRequest, CoverageReport>, ITableOutput<CoverageReport>
{
    public static CoverageUseCase Instance { get; } = new();

    public string Name => "coverage";

    public string Summary => "public-transport walkable area (MLIT): residents within 800 m of rail/tram or 300 m of a frequent bus stop";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        TransitParameters.DateSpec,
        TransitParameters.ScenarioSpec,
        new("rail_radius", "M", "catchment of rail and tram stops, metres (MLIT: 800)"),
        new("bus_radius", "M", "catchment of frequent bus stops, metres (MLIT: 300)"),
        new("min_departures", "N", "departures a day in one direction that make a bus stop frequent (MLIT: 30)"),
        new("year", "Y", "year of the residents (default: the latest)"),
    ];

    public CoverageRequest Parse(Parameters p)
    {
        var request = new CoverageRequest
        {
            Date = p.Date("date"),
            Scenarios = TransitParameters.ParseScenarios(p),
            RailRadiusMeters = p.Number("rail_radius") ?? 800,
            BusRadiusMeters = p.Number("bus_radius") ?? 300,
            MinDepartures = p.Whole("min_departures") ?? 30,
            Year = p.Whole("year"),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(CoverageRequest request, CityLayers available) => CityLayers.Gtfs | CityLayers.InducementArea | CityLayers.Zones | Population.Layers;

    public CoverageReport Run(City city, CoverageRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        city.RequireLayer(CityLayers.Gtfs, "coverage");
        var population = Population.Of(city, request.Year, "coverage");
        var day = city.Transit(request.Date, request.Scenarios);
        var area = city.Dataset.InducementArea.IsEmpty ? null : city.Dataset.InducementArea;
        var coverage = city.Memo(("coverage", day.Date, string.Join(",", request.Scenarios), request.RailRadiusMeters, request.BusRadiusMeters, request.MinDepartures, population.Source, population.Year), () => population.Source == PopulationSource.Households
            ? TransitCoverage.Compute(day.Network, population.Households, area, request.Options, city.Dataset.Zones)
            : TransitCoverage.ComputeForUnits(day.Network, population.Units, area, request.Options, city.Dataset.Zones));
        return new CoverageReport(day.Date, population, coverage, request);
    }

    public void WriteJson(Utf8JsonWriter w, CoverageReport r)
    {
        var c = r.Coverage;
        w.WriteStartObject();
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("population_source", r.Population.SourceName);
        w.WriteStartArray("scenarios");
        foreach (var scenario in r.Request.Scenarios)
        {
            w.WriteStringValue(scenario);
        }

        w.WriteEndArray();
        w.WriteNumber("year", r.Population.Year);
        w.WriteNumber("rail_radius_m", r.Request.RailRadiusMeters);
        w.WriteNumber("bus_radius_m", r.Request.BusRadiusMeters);
        w.WriteNumber("min_departures", r.Request.MinDepartures);
        w.WriteNumber("persons", Math.Round(c.Persons, 2));
        w.WriteNumber("covered_persons", Math.Round(c.CoveredPersons, 2));
        w.WriteNumber("share_of_city", Math.Round(c.ShareOfCity, 4));
        w.WriteNumber("inducement_persons", Math.Round(c.InducementPersons, 2));
        w.WriteNumber("covered_inducement_persons", Math.Round(c.CoveredInducementPersons, 2));
        if (c.ShareOfInducementArea is { } s)
        {
            w.WriteNumber("share_of_inducement_area", Math.Round(s, 4));
        }
        else
        {
            w.WriteNull("share_of_inducement_area");
        }

        w.WriteNumber("rail_stops", c.RailStops);
        w.WriteNumber("frequent_bus_stops", c.QualifyingBusStops);
        WriteGroup(w, "aged_65plus", c.Aged65Plus);
        WriteGroup(w, "aged_0_14", c.Aged0To14);
        w.WriteStartArray("zones");
        foreach (var z in c.Zones)
        {
            w.WriteStartObject();
            w.WriteString("id", z.ZoneId);
            w.WriteString("name", z.ZoneName);
            WriteCounts(w, z.All, "share");
            WriteGroup(w, "aged_65plus", z.Aged65Plus, "share");
            WriteGroup(w, "aged_0_14", z.Aged0To14, "share");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An age group's counts as an object, or null when the residents do not carry it.</summary>
    private static void WriteGroup(Utf8JsonWriter w, string name, CoverageCounts? counts, string share = "share_of_city")
    {
        if (counts is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        WriteCounts(w, counts, share);
        w.WriteEndObject();
    }

    /// <summary>Persons, covered, the covered share (named <paramref name="share"/>: of the city, or of a zone's residents), and inside the 居住誘導区域.</summary>
    private static void WriteCounts(Utf8JsonWriter w, CoverageCounts c, string share)
    {
        w.WriteNumber("persons", Math.Round(c.Persons, 2));
        w.WriteNumber("covered_persons", Math.Round(c.CoveredPersons, 2));
        w.WriteNumber(share, Math.Round(c.ShareOfCity, 4));
        w.WriteNumber("inducement_persons", Math.Round(c.InducementPersons, 2));
        w.WriteNumberOrNull("share_of_inducement_area", c.ShareOfInducementArea, 4);
    }

    public IReadOnlyList<Table> Tables(CoverageReport result) => CoverageTables.Of(result);
}
