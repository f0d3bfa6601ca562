using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>
/// Before and after: the timetables with the <see cref="Baseline"/> scenarios (default: as published) against the
/// timetables with the scenarios of <see cref="Transit"/>; the routing parameters, service day and residents' year
/// are the same on both sides.
/// </summary>
public sealed record CompareRequest
{
    public TransitParameters Transit { get; init; } = new();

    /// <summary>Scenarios of the "before" side, in order; empty: the timetables as published.</summary>
    public IReadOnlyList<string> Baseline { get; init; } = [];

    public int? Year { get; init; }

    internal void Validate(Parameters p)
    {
        Transit.Validate(p);
        if (Transit.Scenarios.Count == 0 && Baseline.Count == 0)
        {
            p.Add("scenario", RequestProblem.Required, "name the scenario to compare (and, with baseline, the one to compare it with)");
        }
    }
}

/// <summary>How one hub pair's median travel time changes.</summary>
public sealed record PairChange(string From, string To, double? BeforeMinutes, double? AfterMinutes)
{
    /// <summary>After − before, minutes; null when either side has no journey.</summary>
    public double? ChangeMinutes => BeforeMinutes is { } b && AfterMinutes is { } a ? a - b : null;

    public bool BecomesReachable => BeforeMinutes is null && AfterMinutes is not null;

    public bool BecomesUnreachable => BeforeMinutes is not null && AfterMinutes is null;
}

/// <summary>The hub matrices, coverage and accessibility of both sides, and the pair changes.</summary>
public sealed record CompareReport(
    CompareRequest Request,
    HubConnectivityResult? HubsBefore,
    HubConnectivityResult? HubsAfter,
    IReadOnlyList<PairChange> Pairs,
    CoverageReport? CoverageBefore,
    CoverageReport? CoverageAfter,
    AccessibilityReport? AccessibilityBefore,
    AccessibilityReport? AccessibilityAfter,
    IReadOnlyList<string> LeftOut)
{
    /// <summary>Where the median travel time to the centre changed (empty without accessibility).</summary>
    public IReadOnlyList<TravelTimeChange> Changes { get; init; } = [];
}

/// <summary>
/// <c>compare</c>: what a scenario changes — the hub matrix (median minutes per pair, pairs that become reachable),
/// the MLIT coverage (persons, shares, inside the 居住誘導区域) and accessibility to the centre by zone, before and
/// after. Each side is the same use case run on its own timetables (hub matrix, coverage, accessibility). Its GeoJSON
/// and PNG show where the travel time to the centre changed (<see cref="TravelTimeChanges"/>).
/// </summary>
public sealed class CompareUseCase : IAnalysis<CompareRequest, CompareReport>, IGeoJsonOutput<CompareReport>, IMapOutput<CompareReport>
{
    public static CompareUseCase Instance { get; } = new();

    public string Name => "compare";

    public string Summary => "what a scenario changes: hub matrix, coverage and accessibility to the centre, before and after";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        .. TransitParameters.Specs,
        new("baseline", "NAME", "scenarios of the before side (default: the timetables as published); several comma separated"),
        new("year", "Y", "year of the residents (default: the latest)"),
    ];

    public CompareRequest Parse(Parameters p)
    {
        var request = new CompareRequest
        {
            Transit = TransitParameters.Parse(p),
            Baseline = p.Text("baseline")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            Year = p.Whole("year"),
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(CompareRequest request, CityLayers available) =>
        CityLayers.Gtfs | CityLayers.Hubs | CityLayers.Zones | CityLayers.InducementArea | Population.Layers;

    public CompareReport Run(City city, CompareRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        city.RequireLayer(CityLayers.Gtfs, "compare");
        var before = request.Transit with { Scenarios = request.Baseline };
        var after = request.Transit;
        var left = new List<string>();
        HubConnectivityResult? hubsBefore = null, hubsAfter = null;
        var pairs = new List<PairChange>();
        if (city.Dataset.Hubs.Count >= 2)
        {
            hubsBefore = HubMatrixUseCase.Instance.Run(city, new HubMatrixRequest { Transit = before });
            hubsAfter = HubMatrixUseCase.Instance.Run(city, new HubMatrixRequest { Transit = after });
            var afterByPair = hubsAfter.Pairs.ToDictionary(x => (x.From, x.To));
            pairs.AddRange(hubsBefore.Pairs.Select(b => new PairChange(b.From, b.To, b.MedianMinutes, afterByPair[(b.From, b.To)].MedianMinutes)));
        }
        else
        {
            left.Add("hubs: needs at least two hubs in hubs.geojson");
        }

        CoverageReport? coverageBefore = null, coverageAfter = null;
        AccessibilityReport? accessBefore = null, accessAfter = null;
        if (city.Dataset.Households.Count == 0 && city.Dataset.TownBlocks.Count == 0)
        {
            left.Add("coverage and accessibility: need residents (households.geojson, town_blocks.geojson or mesh_population_<year>.csv)");
        }
        else
        {
            coverageBefore = CoverageUseCase.Instance.Run(city, new CoverageRequest { Date = before.Date, Scenarios = before.Scenarios, Year = request.Year });
            coverageAfter = CoverageUseCase.Instance.Run(city, new CoverageRequest { Date = after.Date, Scenarios = after.Scenarios, Year = request.Year });
            if (city.Dataset.Hubs.Any(h => h.IsCentral))
            {
                accessBefore = AccessibilityUseCase.Instance.Run(city, new AccessibilityRequest { Transit = before, Year = request.Year });
                accessAfter = AccessibilityUseCase.Instance.Run(city, new AccessibilityRequest { Transit = after, Year = request.Year });
            }
            else
            {
                left.Add("accessibility: needs a hub of kind 'central' in hubs.geojson");
            }
        }

        var changes = accessBefore is not null && accessAfter is not null
            ? TravelTimeChanges.Of(accessBefore.Population, accessBefore.Result.HouseholdMedianMinutes, accessAfter.Result.HouseholdMedianMinutes, city.Projection)
            : [];
        return new CompareReport(request, hubsBefore, hubsAfter, pairs, coverageBefore, coverageAfter, accessBefore, accessAfter, left) { Changes = changes };
    }

    public void WriteJson(Utf8JsonWriter w, CompareReport r)
    {
        w.WriteStartObject();
        Strings(w, "baseline", r.Request.Baseline);
        Strings(w, "scenarios", r.Request.Transit.Scenarios);
        if (r.HubsAfter is { } hubs)
        {
            w.WriteString("date", hubs.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("window", hubs.Window);
        }

        w.WriteNumber("pairs_becoming_reachable", r.Pairs.Count(x => x.BecomesReachable));
        w.WriteNumber("pairs_becoming_unreachable", r.Pairs.Count(x => x.BecomesUnreachable));
        w.WriteStartArray("pairs");
        foreach (var x in r.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("from", x.From);
            w.WriteString("to", x.To);
            w.WriteNumberOrNull("before_minutes", x.BeforeMinutes, 1);
            w.WriteNumberOrNull("after_minutes", x.AfterMinutes, 1);
            w.WriteNumberOrNull("change_minutes", x.ChangeMinutes, 1);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("coverage");
        foreach (var (name, c) in new[] { ("before", r.CoverageBefore), ("after", r.CoverageAfter) })
        {
            w.WritePropertyName(name);
            if (c is null)
            {
                w.WriteNullValue();
            }
            else
            {
                CoverageUseCase.Instance.WriteJson(w, c);
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("accessibility");
        if (r.AccessibilityBefore is { } ab && r.AccessibilityAfter is { } aa)
        {
            var afterZones = new[] { aa.Result.All }.Concat(aa.Result.Zones).ToDictionary(z => z.ZoneId);
            foreach (var z in new[] { ab.Result.All }.Concat(ab.Result.Zones))
            {
                var a = afterZones[z.ZoneId];
                w.WriteStartObject();
                w.WriteString("id", z.ZoneId);
                w.WriteString("name", z.ZoneName);
                w.WriteNumber("persons", z.Persons);
                w.WriteNumber("share_within_30_before", Math.Round(z.ShareWithin30, 4));
                w.WriteNumber("share_within_30_after", Math.Round(a.ShareWithin30, 4));
                w.WriteNumber("share_within_45_before", Math.Round(z.ShareWithin45, 4));
                w.WriteNumber("share_within_45_after", Math.Round(a.ShareWithin45, 4));
                w.WriteNumberOrNull("median_minutes_before", z.MedianMinutes, 1);
                w.WriteNumberOrNull("median_minutes_after", a.MedianMinutes, 1);
                if (z.Aged65Plus is { } ob && a.Aged65Plus is { } oa)
                {
                    w.WriteNumber("share_65plus_within_30_before", Math.Round(ob.ShareWithin30, 4));
                    w.WriteNumber("share_65plus_within_30_after", Math.Round(oa.ShareWithin30, 4));
                }

                if (z.NearestHub is { } nb && a.NearestHub is { } na)
                {
                    w.WriteNumberOrNull("nearest_hub_median_minutes_before", nb.MedianMinutes, 1);
                    w.WriteNumberOrNull("nearest_hub_median_minutes_after", na.MedianMinutes, 1);
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartObject("travel_time_changes");
        foreach (var status in Statuses)
        {
            w.WriteNumber(status, r.Changes.Count(c => c.Status == status));
        }

        w.WriteEndObject();
        Strings(w, "left_out", r.LeftOut);
        w.WriteEndObject();
    }

    private static readonly string[] Statuses = ["faster", "slower", "same", "reachable", "unreachable", "none"];

    /// <summary>
    /// The areas of <see cref="CompareReport.Changes"/> as features: <c>persons</c> (null for a household cell of
    /// fewer than <see cref="TravelTimeChanges.MinimumPersonsShown"/>), <c>before_minutes</c>, <c>after_minutes</c>,
    /// <c>change_minutes</c>, <c>status</c>.
    /// </summary>
    public void WriteGeoJson(Utf8JsonWriter w, CompareReport r)
    {
        var households = r.AccessibilityBefore?.Population.Source == PopulationSource.Households;
        GeoJsonGeometryWriter.WriteFeatureCollectionStart(w, m =>
        {
            m.WriteString("title", "travel time to the centre, before and after");
            Strings(m, "baseline", r.Request.Baseline);
            Strings(m, "scenarios", r.Request.Transit.Scenarios);
            m.WriteString("areas", households ? $"{TravelTimeChanges.CellMeters:0} m cells of the plane CRS" : "population units");
        });
        foreach (var c in r.Changes)
        {
            GeoJsonGeometryWriter.WriteFeature(w, c.Geometry, p =>
            {
                if (households && c.Persons < TravelTimeChanges.MinimumPersonsShown)
                {
                    p.WriteNull("persons");
                }
                else
                {
                    p.WriteNumber("persons", c.Persons);
                }

                p.WriteNumberOrNull("before_minutes", c.BeforeMinutes, 1);
                p.WriteNumberOrNull("after_minutes", c.AfterMinutes, 1);
                p.WriteNumberOrNull("change_minutes", c.ChangeMinutes, 1);
                p.WriteString("status", c.Status);
            }, c.Id);
        }

        GeoJsonGeometryWriter.WriteFeatureCollectionEnd(w);
    }

    /// <summary>Classes of the change map, minutes (negative: faster).</summary>
    private static readonly MapThemeClass[] ChangeClasses =
    [
        new("新たに到達可能", "newly reachable", "#2166ac"),
        new("5分以上短縮", "≥ 5 min faster", "#1a9850"),
        new("1～5分短縮", "1–5 min faster", "#91cf60"),
        new("変化なし（±1分未満）", "within ±1 min", "#f0f0f0"),
        new("1～5分増加", "1–5 min slower", "#fc8d59"),
        new("5分以上増加", "≥ 5 min slower", "#d73027"),
        new("到達不能に", "no longer reachable", "#67001f"),
    ];

    public MapTheme Theme(CompareReport r)
    {
        static int? Class(TravelTimeChange c) => c.Status switch
        {
            "reachable" => 0,
            "unreachable" => 6,
            "none" => null,
            _ => c.ChangeMinutes switch
            {
                <= -5 => 1,
                <= -1 => 2,
                < 1 => 3,
                < 5 => 4,
                _ => 5,
            },
        };

        var areas = r.Changes.Select(c => (c.Geometry, Class(c))).Where(a => a.Item2 is not null).Select(a => (a.Geometry, a.Item2!.Value)).ToList();
        return new MapTheme("中心拠点までの所要時間の変化", "Change in travel time to the centre", ChangeClasses, areas);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
