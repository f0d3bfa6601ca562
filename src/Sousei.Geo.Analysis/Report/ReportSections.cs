using System.Reflection;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis.Report;

/// <summary>The strategy's KPI: which density figure it is, on whose count, and why the other methods differ.</summary>
/// <param name="Method">The method of the KPI figure (households when the store has them).</param>
/// <param name="Basis">Whose count it is.</param>
/// <param name="IsStrategyIndicator">True when it is the strategy's own indicator (resident registry); false: the nearest figure the data allows.</param>
/// <param name="WhyMethodsDiffer">One sentence per other method on why it gives another number (Japanese, English).</param>
public sealed record ReportKpi(DensityMethod Method, PopulationBasis Basis, bool IsStrategyIndicator, IReadOnlyList<(DensityMethod Method, PopulationBasis Basis, string Japanese, string English)> WhyMethodsDiffer);

/// <summary>IF101 for one year: the population inside, the city's population and the share (with the change from the year before, in percentage points).</summary>
public sealed record ShareOfCityYear(int Year, double Inside, double City, double? Share, double? ChangePoints);

/// <summary>Vacant houses of one zone by survey status.</summary>
public sealed record VacantZoneCounts(string ZoneId, string ZoneName, string Kind, IReadOnlyDictionary<string, int> ByStatus, int Total);

/// <summary>The report's extra sections (the KPI, the national indicators, accessibility, vacant houses), each from its use case.</summary>
internal static class ReportSections
{
    /// <summary>The version of the project that made the report (the assembly's informational version, without build metadata past 7 hex digits).</summary>
    public static string Version
    {
        get
        {
            var v = typeof(ReportSections).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = v.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 && v.Length > plus + 8 ? v[..(plus + 8)] : v;
        }
    }

    public static ReportKpi? Kpi(City city, IReadOnlyList<DensityResult> density)
    {
        if (density.Count == 0)
        {
            return null;
        }

        var method = density.Any(d => d.Method == DensityMethod.Households) ? DensityMethod.Households : density[0].Method;
        var basis = PopulationBases.Of(city, method);
        var why = density.Where(d => d.Method != method).Select(d => (d.Method, PopulationBases.Of(city, d.Method), Why(d.Method, true), Why(d.Method, false))).ToList();
        return new ReportKpi(method, basis, PopulationBases.IsStrategyIndicator(city, method), why);
    }

    private static string Why(DensityMethod method, bool japanese) => (method, japanese) switch
    {
        (DensityMethod.Blocks, true) => "町丁目（またはメッシュ）の人口を面積按分したもの。区域の境界をまたぐ町丁目では、人が区域内外に一様に住むと仮定するため、世帯の位置による集計とずれる。国勢調査が基なら調査年と数え方（常住人口）も違う。",
        (DensityMethod.Blocks, false) => "Town-block (or mesh) counts shared out by area: where a block straddles the boundary, residents are assumed spread evenly over it, unlike the households' own positions; a census basis also counts another year and another way (usual residents).",
        (DensityMethod.Buildings, true) => "町丁目の人口を住宅の延床面積で建物に配分したもの（建物按分）。面積按分より実際の住まいに近いが、空き家や世帯の大きさの違いは反映しない。",
        (DensityMethod.Buildings, false) => "Town-block counts shared out over residential buildings by floor area (dasymetric): closer to where people live than areal weighting, but blind to empty dwellings and household sizes.",
        (_, true) => "世帯の位置（住民基本台帳）による集計。",
        _ => "Geocoded households (resident registry).",
    };

    /// <summary>IF101 per year of the KPI's method, with the change between consecutive years.</summary>
    public static IReadOnlyList<ShareOfCityYear> ShareByYear(City city, DensityMethod method, double target)
    {
        var series = DensityUseCase.Instance.Run(city, new DensityRequest { Method = method, Trend = true, TargetPerHectare = target, Engine = DensityEngineKind.Memory }).Results;
        var list = new List<ShareOfCityYear>();
        double? previous = null;
        foreach (var r in series.OrderBy(r => r.Year))
        {
            var share = r.ShareOfCityPopulation;
            list.Add(new ShareOfCityYear(r.Year, r.Total.Population, r.CityPopulation ?? 0, share, share is { } s && previous is { } p ? (s - p) * 100 : null));
            previous = share;
        }

        return list;
    }

    /// <summary>Vacant houses per zone and status (a house in two zones counts in both; "不明" when the survey gives no status).</summary>
    public static IReadOnlyList<VacantZoneCounts> VacantByZone(City city)
    {
        var zones = city.Dataset.Zones;
        var rows = new List<VacantZoneCounts>();
        foreach (var zone in zones)
        {
            var houses = city.VacantHouses.Where(v => v.ZoneIds.Contains(zone.Id)).ToList();
            var byStatus = houses.GroupBy(v => v.House.Status ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            rows.Add(new VacantZoneCounts(zone.Id, zone.Name, zone.Kind, byStatus, houses.Count));
        }

        return rows;
    }

    /// <summary>The what-if of bringing the top 100 houses of the ranking back into use.</summary>
    public static WhatIfReport? WhatIfTop(City city, double target, int top = 100)
    {
        if (city.Dataset.VacantHouses.Count == 0 || !city.Has(CityLayers.InducementArea) || !DensityAnalysis.AvailableMethods(city.Dataset).Any())
        {
            return null;
        }

        return WhatIfUseCase.Instance.Run(city, new WhatIfRequest { OccupyTop = top, TargetPerHectare = target });
    }

    /// <summary>Accessibility to the central hub per zone, when the data has residents, hubs and timetables.</summary>
    public static AccessibilityReport? Accessibility(City city, ReportRequest request)
    {
        if (!city.Has(CityLayers.Gtfs) || !city.Dataset.Hubs.Any(h => h.IsCentral) || (city.Dataset.Households.Count == 0 && city.Dataset.TownBlocks.Count == 0))
        {
            return null;
        }

        return AccessibilityUseCase.Instance.Run(city, new AccessibilityRequest { Transit = new TransitParameters { Date = request.Date, Scenarios = request.Scenarios } });
    }

    /// <summary>The extra sections' JSON keys: metadata (as store.json), run_date, version, service_date, kpi, indicators, accessibility, vacant_by_zone, what_if_top_100.</summary>
    public static void WriteJson(System.Text.Json.Utf8JsonWriter w, ReportResult r)
    {
        // The store's own document, as store.json holds it (one writer: StoreMetadataFile).
        w.WritePropertyName("metadata");
        IO.FileStore.StoreMetadataFile.Write(w, r.Metadata);
        w.WriteString("run_date", r.RunDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("version", r.Version);
        w.WriteString("service_date", r.ServiceDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("layer_years");
        foreach (var (layer, years) in r.LayerYears)
        {
            w.WriteStartArray(layer);
            foreach (var y in years)
            {
                w.WriteNumberValue(y);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WritePropertyName("kpi");
        if (r.Kpi is { } kpi && r.Density.FirstOrDefault(d => d.Method == kpi.Method) is { } figure)
        {
            w.WriteStartObject();
            w.WriteString("name", "居住誘導区域の人口密度");
            w.WriteString("method", Json.DensityJson.MethodName(kpi.Method));
            w.WriteString("population_basis", PopulationBases.Key(kpi.Basis));
            w.WriteBoolean("strategy_indicator", kpi.IsStrategyIndicator);
            w.WriteNumber("year", figure.Year);
            w.WriteNumber("population", Math.Round(figure.Total.Population, 4));
            w.WriteNumber("area_ha", figure.Total.AreaHectares);
            Json.JsonWriting.WriteNumberOrNull(w, "density_per_ha", figure.Total.DensityPerHectare);
            w.WriteNumber("target_per_ha", figure.Total.TargetPerHectare);
            w.WriteBoolean("meets_target", figure.Total.MeetsTarget);
            w.WriteNumber("gap_persons", figure.Total.GapPersons);
            w.WriteStartArray("checks");
            foreach (var (method, basis, ja, en) in kpi.WhyMethodsDiffer)
            {
                w.WriteStartObject();
                w.WriteString("method", Json.DensityJson.MethodName(method));
                w.WriteString("population_basis", PopulationBases.Key(basis));
                w.WriteString("why_it_differs", en);
                w.WriteString("why_it_differs_ja", ja);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartObject("indicators");
        w.WriteStartObject("IF101");
        w.WriteString("name", "居住誘導区域内人口割合");
        w.WriteStartArray("years");
        foreach (var y in r.ShareOfCity)
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            w.WriteNumber("population_inside", Math.Round(y.Inside, 4));
            w.WriteNumber("city_population", Math.Round(y.City, 4));
            Json.JsonWriting.WriteNumberOrNull(w, "share", y.Share, 6);
            Json.JsonWriting.WriteNumberOrNull(w, "change_points", y.ChangePoints, 4);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("IF104");
        if (r.Coverage is { } coverage)
        {
            w.WriteStartObject();
            w.WriteString("name", "公共交通徒歩圏人口カバー率");
            w.WriteNumber("persons", Math.Round(coverage.Coverage.Persons, 2));
            w.WriteNumber("covered_persons", Math.Round(coverage.Coverage.CoveredPersons, 2));
            w.WriteNumber("share", Math.Round(coverage.Coverage.ShareOfCity, 6));
            w.WriteNumber("rail_radius_m", coverage.Request.RailRadiusMeters);
            w.WriteNumber("bus_radius_m", coverage.Request.BusRadiusMeters);
            w.WriteNumber("min_departures_per_day", coverage.Request.MinDepartures);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("IF107");
        if (r.Future is { } future)
        {
            Json.DensityJson.WriteProjection(w, future);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
        w.WritePropertyName("accessibility");
        if (r.Accessibility is { } accessibility)
        {
            Transit.AccessibilityUseCase.Instance.WriteJson(w, accessibility);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("vacant_by_zone");
        foreach (var z in r.VacantByZone)
        {
            w.WriteStartObject();
            w.WriteString("id", z.ZoneId);
            w.WriteString("name", z.ZoneName);
            w.WriteString("kind", z.Kind);
            w.WriteNumber("total", z.Total);
            w.WriteStartObject("by_status");
            foreach (var (status, count) in z.ByStatus)
            {
                w.WriteNumber(status, count);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("what_if_top_100");
        if (r.WhatIfTop100 is { } whatIf)
        {
            Vacant.WhatIfUseCase.Instance.WriteJson(w, whatIf);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
