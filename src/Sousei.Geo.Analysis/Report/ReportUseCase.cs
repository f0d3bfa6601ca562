using System.Text.Json;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Report;

/// <summary>
/// <c>report</c>: every analysis the data supports, by calling the other use cases (nothing is computed here
/// that they do not compute); sections the data cannot support are left out with the reason.
/// </summary>
public sealed class ReportUseCase : IAnalysis<ReportRequest, ReportResult>, IDocumentOutput<ReportResult>
{
    public static ReportUseCase Instance { get; } = new();

    public string Name => "report";

    public string DocumentName => "report";

    public string Summary => "one-screen report: density by every method and zone, trend, hub connectivity, coverage, vacant houses";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("target", "P_PER_HA", "target density, persons/ha (default 60.7)"),
        TransitParameters.DateSpec,
        TransitParameters.ScenarioSpec,
    ];

    public ReportRequest Parse(Parameters p)
    {
        var request = new ReportRequest { TargetPerHectare = p.Number("target") ?? DensityCalculator.DefaultTargetPerHectare, Date = p.Date("date"), Scenarios = TransitParameters.ParseScenarios(p) };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(ReportRequest request, CityLayers available) => CityLayers.All;

    public ReportResult Run(City city, ReportRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        var d = city.Dataset;
        var left = new List<ReportOmission>();
        var hasArea = city.Has(CityLayers.InducementArea);
        var inventory = new ReportInventory(d.Households.Count, d.TownBlocks.Count, d.Buildings.Count, d.Zones.Count, d.Hubs.Count, d.VacantHouses.Count,
            city.Has(CityLayers.Gtfs) ? city.Gtfs.Feeds.Count : 0, hasArea ? city.Study.Area.AreaHectares : 0);

        var density = new List<DensityResult>();
        TrendReport? trend = null;
        var transit = new TransitParameters { Date = request.Date, Scenarios = request.Scenarios };
        Core.Transit.HubConnectivityResult? hubs = null;
        CoverageReport? coverage = null;
        var central = d.Hubs.FirstOrDefault(h => h.IsCentral);
        AccessibilityReport? accessibility = null;
        var leftDensity = new List<ReportOmission>();
        var leftTransit = new List<ReportOmission>();

        // Density and transit need nothing of each other: on two cores they run side by side (the city is thread-safe
        // and computes what they share, such as the network, once). Omissions keep their order: density's first.
        try
        {
            Parallel.Invoke(
            () =>
            {
                if (!hasArea)
                {
                    leftDensity.Add(new ReportOmission("density", "needs " + LayerNames.Describe(CityLayers.InducementArea)));
                }
                else
                {
                    var methods = DensityAnalysis.AvailableMethods(d);
                    if (methods.Count == 0)
                    {
                        leftDensity.Add(new ReportOmission("density", "needs a population layer: households.geojson, town_blocks.geojson or mesh_population_<year>.csv"));
                    }

                    foreach (var method in methods)
                    {
                        density.Add(DensityUseCase.Instance.Run(city, new DensityRequest { Method = method, TargetPerHectare = request.TargetPerHectare, Engine = DensityEngineKind.Memory }).Result);
                    }

                    var trendMethod = methods.FirstOrDefault(m => DensityAnalysis.Years(d, m).Count >= 2);
                    if (methods.Count > 0 && DensityAnalysis.Years(d, trendMethod).Count >= 2)
                    {
                        trend = TrendUseCase.Instance.Run(city, new TrendRequest { Method = trendMethod, TargetPerHectare = request.TargetPerHectare });
                    }
                    else if (methods.Count > 0)
                    {
                        leftDensity.Add(new ReportOmission("trend", "needs two years of population for one method"));
                    }
                }

            },
            () =>
            {
                if (!city.Has(CityLayers.Gtfs))
                {
                    leftTransit.Add(new ReportOmission("hubs", "needs " + LayerNames.Describe(CityLayers.Gtfs)));
                    leftTransit.Add(new ReportOmission("coverage", "needs " + LayerNames.Describe(CityLayers.Gtfs)));
                }
                else
                {
                    if (central is null || d.Hubs.Count < 2)
                    {
                        leftTransit.Add(new ReportOmission("hubs", $"needs a hub of kind 'central' and at least one other hub in hubs.geojson (the data has {d.Hubs.Count} hub(s), {d.Hubs.Count(h => h.IsCentral)} central)"));
                    }
                    else
                    {
                        hubs = HubMatrixUseCase.Instance.Run(city, new HubMatrixRequest { Transit = transit });
                    }

                    if (d.Households.Count == 0 && d.TownBlocks.Count == 0)
                    {
                        leftTransit.Add(new ReportOmission("coverage", "needs residents: households.geojson, town_blocks.geojson or mesh_population_<year>.csv"));
                    }
                    else
                    {
                        coverage = CoverageUseCase.Instance.Run(city, new CoverageRequest { Date = request.Date, Scenarios = request.Scenarios });
                    }
                }

                accessibility = hubs is null ? null : ReportSections.Accessibility(city, request);
                if (accessibility is null && city.Has(CityLayers.Gtfs))
                {
                    leftTransit.Add(new ReportOmission("accessibility", "needs residents and a central hub besides the timetables"));
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A problem with the request or the data surfaces as itself, as if the sections had run one after the other.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        left.AddRange(leftDensity);
        left.AddRange(leftTransit);

        int? vacantInside = null;
        if (d.VacantHouses.Count == 0)
        {
            left.Add(new ReportOmission("vacant_houses", "needs " + LayerNames.Describe(CityLayers.VacantHouses)));
        }
        else if (hasArea)
        {
            vacantInside = city.VacantHouses.Count(v => v.InsideInducementArea);
        }

        var kpi = ReportSections.Kpi(city, density);
        var years = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        if (d.Households.Count > 0)
        {
            years["households"] = d.HouseholdYears;
        }

        if (d.TownBlocks.Count > 0)
        {
            years["town_blocks"] = d.TownBlockYears;
        }

        if (d.PopulationProjection.Count > 0)
        {
            years["population_projection"] = d.PopulationProjection.SelectMany(c => c.PersonsByYear.Keys).Distinct().Order().ToList();
        }

        return new ReportResult(city.Description, city.Projection.Epsg, request.TargetPerHectare, inventory, density, city.ZoneKinds, trend, hubs, central?.Id, coverage, vacantInside, left, city.Notes)
        {
            Scenarios = request.Scenarios.Count == 0 ? null : ScenarioDependence(city, request, hubs, coverage),
            Metadata = city.Metadata,
            RunDate = DateOnly.FromDateTime(DateTime.Now),
            Version = ReportSections.Version,
            ServiceDate = city.Has(CityLayers.Gtfs) ? request.Date ?? city.DefaultServiceDate : null,
            LayerYears = years,
            Kpi = kpi,
            ShareOfCity = kpi is null ? [] : ReportSections.ShareByYear(city, kpi.Method, request.TargetPerHectare),
            Future = hasArea ? DensityUseCase.Projection(city, request.TargetPerHectare) : null,
            Accessibility = accessibility,
            VacantByZone = d.VacantHouses.Count == 0 ? [] : ReportSections.VacantByZone(city),
            WhatIfTop100 = hasArea ? ReportSections.WhatIfTop(city, request.TargetPerHectare) : null,
        };
    }

    /// <summary>The same hub matrix and coverage on the published timetables, to say which figures rest on the scenarios.</summary>
    private static ReportScenarios ScenarioDependence(City city, ReportRequest request, Core.Transit.HubConnectivityResult? hubs, CoverageReport? coverage)
    {
        var applied = request.Scenarios.Select(r => city.Scenario(r)).Zip(request.Scenarios, (s, r) => (r, s.Name, s.Description)).ToList();
        int changed = 0, pairs = 0;
        var only = new List<string>();
        if (hubs is not null)
        {
            var published = HubMatrixUseCase.Instance.Run(city, new HubMatrixRequest { Transit = new TransitParameters { Date = request.Date } });
            var before = published.Pairs.ToDictionary(p => (p.From, p.To));
            pairs = hubs.Pairs.Count;
            changed = hubs.Pairs.Count(p => before[(p.From, p.To)].MedianMinutes != p.MedianMinutes);
            var central = city.Dataset.Hubs.First(h => h.IsCentral).Id;
            only.AddRange(hubs.Pairs.Where(p => p.From == central && p.MedianMinutes is not null && before[(p.From, p.To)].MedianMinutes is null)
                .Select(p => city.Dataset.Hubs.First(h => h.Id == p.To).Name));
        }

        double? covered = coverage is null ? null
            : CoverageUseCase.Instance.Run(city, new CoverageRequest { Date = request.Date }).Coverage.CoveredPersons;
        return new ReportScenarios(applied, changed, pairs, only, covered);
    }

    public void WriteJson(Utf8JsonWriter w, ReportResult r)
    {
        w.WriteStartObject();
        w.WriteString("source", r.Source);
        w.WriteNumber("epsg", r.Epsg);
        w.WriteNumber("target_per_ha", r.TargetPerHectare);
        w.WriteStartObject("data");
        w.WriteNumber("households", r.Inventory.Households);
        w.WriteNumber("population_units", r.Inventory.PopulationUnits);
        w.WriteNumber("buildings", r.Inventory.Buildings);
        w.WriteNumber("zones", r.Inventory.Zones);
        w.WriteNumber("hubs", r.Inventory.Hubs);
        w.WriteNumber("vacant_houses", r.Inventory.VacantHouses);
        w.WriteNumber("gtfs_feeds", r.Inventory.GtfsFeeds);
        w.WriteNumber("inducement_area_ha", Math.Round(r.Inventory.InducementAreaHectares, 4));
        w.WriteEndObject();
        w.WriteStartArray("density");
        foreach (var result in r.Density)
        {
            DensityJson.WriteResult(w, result, r.ZoneKinds);
        }

        w.WriteEndArray();
        w.WritePropertyName("trend");
        if (r.Trend is { } trend)
        {
            TrendUseCase.Instance.WriteJson(w, trend);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("hubs");
        if (r.Hubs is { } hubs)
        {
            HubConnectivityJson.Write(w, hubs);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("coverage");
        if (r.Coverage is { } coverage)
        {
            CoverageUseCase.Instance.WriteJson(w, coverage);
        }
        else
        {
            w.WriteNullValue();
        }

        if (r.VacantHousesInside is { } inside)
        {
            w.WriteNumber("vacant_houses_inside", inside);
        }
        else
        {
            w.WriteNull("vacant_houses_inside");
        }

        w.WriteStartArray("left_out");
        foreach (var o in r.LeftOut)
        {
            w.WriteStartObject();
            w.WriteString("section", o.Section);
            w.WriteString("reason", o.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in r.Notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        if (r.Scenarios is { } s)
        {
            w.WriteStartObject("scenarios");
            w.WriteStartArray("applied");
            foreach (var (reference, name, description) in s.Applied)
            {
                w.WriteStartObject();
                w.WriteString("reference", Path.GetFileName(reference));
                w.WriteString("name", name);
                w.WriteString("description", description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("pairs_changed", s.PairsChanged);
            w.WriteNumber("pairs", s.Pairs);
            w.WriteStartArray("hubs_reached_only_through_scenarios");
            foreach (var hub in s.HubsReachedOnlyThroughScenarios)
            {
                w.WriteStringValue(hub);
            }

            w.WriteEndArray();
            w.WriteNumberOrNull("covered_persons_as_published", s.CoveredPersonsAsPublished, 2);
            w.WriteEndObject();
        }

        ReportSections.WriteJson(w, r);
        w.WriteEndObject();
    }
}
