using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Layers;

namespace Sousei.Geo.Analysis.Export;

/// <summary>
/// Shapes the results of the analyses into the layers of <see cref="LayersExportUseCase"/>: fields named and valued as
/// in the analyses' JSON, geometries projected to the city's plane zone (polygons as multipolygons, so that a layer
/// has one geometry type).
/// </summary>
internal static class LayerBuilder
{
    private static readonly LayerField[] DensityFields =
    [
        new("population", LayerFieldType.Real),
        new("area_ha", LayerFieldType.Real),
        new("density_per_ha", LayerFieldType.Real),
        new("target_per_ha", LayerFieldType.Real),
        new("meets_target", LayerFieldType.Boolean),
        new("gap_persons", LayerFieldType.Integer),
    ];

    /// <summary>The public fields of a vacant house: those of the vacant-house GeoJSON export (<see cref="Vacant.VacantHouseJson"/>), in its order.</summary>
    internal static IReadOnlyList<LayerField> VacantHouseFields { get; } =
    [
        new("id", LayerFieldType.Text),
        new("vacancy_likelihood", LayerFieldType.Text),
        new("decay_rank", LayerFieldType.Text),
        new("built_year", LayerFieldType.Integer),
        new("structure", LayerFieldType.Text),
        new("floor_area_m2", LayerFieldType.Real),
        new("land_area_m2", LayerFieldType.Real),
        new("frontage_road_width_m", LayerFieldType.Real),
        new("survey_date", LayerFieldType.Text),
        new("status", LayerFieldType.Text),
        new("inside_inducement_area", LayerFieldType.Boolean),
        new("zone", LayerFieldType.Text),
        new("nearest_hub", LayerFieldType.Text),
        new("distance_to_nearest_hub_m", LayerFieldType.Real),
        new("distance_to_frequent_stop_m", LayerFieldType.Real),
    ];

    public static VectorLayer InducementArea(City city, DensityReport density)
    {
        var total = density.Result.Total;
        var feature = new LayerFeature(Multi(city.Projection.Project(city.Dataset.InducementArea)),
            [DensityJson.MethodName(density.Result.Method), (long)density.Result.Year, .. DensityValues(total)]);
        return new VectorLayer("inducement_area", "居住誘導区域: population, density and gap to the target (density analysis)", LayerGeometryType.MultiPolygon,
            [new("method", LayerFieldType.Text), new("year", LayerFieldType.Integer), .. DensityFields], [feature]);
    }

    /// <summary>Zones with the density of their part inside the inducement area (area_ha is that part's); the geometry is the whole zone.</summary>
    public static VectorLayer Zones(City city, DensityReport density)
    {
        var geometries = city.Dataset.Zones.GroupBy(z => z.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Geometry, StringComparer.Ordinal);
        var features = density.Result.Zones.Select(z => new LayerFeature(
            Multi(city.Projection.Project(geometries.TryGetValue(z.Id, out var g) ? g : throw new InvalidOperationException($"zone {z.Id} of the density result is not loaded"))),
            [z.Id, z.Name, density.ZoneKinds.GetValueOrDefault(z.Id), .. DensityValues(z)])).ToList();
        return new VectorLayer("zones", "wards and hub areas: density of their part inside the 居住誘導区域 (density analysis)", LayerGeometryType.MultiPolygon,
            [new("id", LayerFieldType.Text), new("name", LayerFieldType.Text), new("kind", LayerFieldType.Text), .. DensityFields], features);
    }

    /// <summary>Town blocks or mesh cells of one year with their persons and density over their own plane area.</summary>
    public static VectorLayer PopulationUnits(City city, int year)
    {
        var units = city.Dataset.TownBlocks.Where(b => b.Year == year).ToList();
        var features = new LayerFeature[units.Count];
        Parallel.For(0, units.Count, i =>
        {
            var u = units[i];
            var plane = city.Projection.Project(u.Geometry);
            var areaHectares = plane.Area / 10_000;
            features[i] = new LayerFeature(Multi(plane),
                [u.Code, u.Name, (long)u.Year, (long)u.Persons, (long?)u.Persons0To14, (long?)u.Persons65Plus, areaHectares, areaHectares > 0 ? u.Persons / areaHectares : null]);
        });
        return new VectorLayer("population_units", $"population units (town blocks or e-Stat mesh cells) of {year}", LayerGeometryType.MultiPolygon,
            [new("code", LayerFieldType.Text), new("name", LayerFieldType.Text), new("year", LayerFieldType.Integer), new("population", LayerFieldType.Integer),
             new("persons_0_14", LayerFieldType.Integer), new("persons_65plus", LayerFieldType.Integer), new("area_ha", LayerFieldType.Real), new("density_per_ha", LayerFieldType.Real)],
            features);
    }

    /// <summary>Hubs with trips per day and the median minutes to and from the central hub (null without GTFS or when unreachable; 0 at the central hub).</summary>
    public static VectorLayer Hubs(City city, HubConnectivityResult? matrix)
    {
        var central = city.Dataset.Hubs.FirstOrDefault(h => h.IsCentral);
        var pairs = matrix?.Pairs.ToDictionary(p => (p.From, p.To)) ?? [];
        var stats = matrix?.Hubs.ToDictionary(h => h.Id, StringComparer.Ordinal) ?? [];
        var features = city.Dataset.Hubs.Select(h =>
        {
            double? to = null, from = null;
            if (matrix is not null && central is not null)
            {
                to = h.Id == central.Id ? 0 : pairs.GetValueOrDefault((h.Id, central.Id))?.MedianMinutes;
                from = h.Id == central.Id ? 0 : pairs.GetValueOrDefault((central.Id, h.Id))?.MedianMinutes;
            }

            return new LayerFeature(city.Projection.Project(h.Location),
                [h.Id, h.Name, Kinds.Name(h.Kind), stats.TryGetValue(h.Id, out var s) ? (long)s.TripsPerDay : null, to, from]);
        }).ToList();
        return new VectorLayer("hubs", "central and regional hubs; median minutes by public transport to and from the central hub (hub matrix)", LayerGeometryType.Point,
            [new("id", LayerFieldType.Text), new("name", LayerFieldType.Text), new("kind", LayerFieldType.Text), new("trips_per_day", LayerFieldType.Integer),
             new("minutes_to_central", LayerFieldType.Real), new("minutes_from_central", LayerFieldType.Real)],
            features);
    }

    /// <summary>Stops of the service day with departures in the busiest direction and the frequent flag (default MLIT thresholds).</summary>
    public static VectorLayer Stops(TransitDay day)
    {
        var network = day.Network;
        var factory = new GeometryFactory(new PrecisionModel(), network.Projection.Epsg);
        var frequent = day.FrequentStops.Select(s => s.Index).ToHashSet();
        var features = network.Stops.Select(s => new LayerFeature(factory.CreatePoint(new Coordinate(s.X, s.Y)),
            [s.Id, s.Name, s.IsRail ? "rail" : "bus", (long)day.MaxDeparturesPerDay[s.Id], frequent.Contains(s.Index)])).ToList();
        return new VectorLayer("stops", $"transit stops of {day.Date:yyyy-MM-dd}: departures a day in the busiest direction, frequent (rail/tram, or bus with 30+)", LayerGeometryType.Point,
            [new("stop_id", LayerFieldType.Text), new("name", LayerFieldType.Text), new("mode", LayerFieldType.Text), new("departures_per_day", LayerFieldType.Integer), new("frequent", LayerFieldType.Boolean)],
            features);
    }

    /// <summary>The union of the catchment circles of coverage (<see cref="TransitCoverage.Catchments"/>), one feature per kind that has stops.</summary>
    public static VectorLayer Catchments(TransitDay day)
    {
        var options = new CoverageOptions();
        var features = TransitCoverage.Catchments(day.Network, options).GroupBy(c => c.Stop.IsRail).OrderByDescending(g => g.Key).Select(g =>
        {
            var circles = g.Select(c => c.Circle).ToList();
            var union = Multi(circles.Count == 1 ? circles[0] : CascadedPolygonUnion.Union(circles));
            return new LayerFeature(union, [g.Key ? "rail" : "bus", g.Key ? options.RailRadiusMeters : options.BusRadiusMeters, (long)circles.Count, union.Area / 10_000]);
        }).ToList();
        return new VectorLayer("coverage_catchments", "public-transport walkable area (MLIT): 800 m around rail/tram stops, 300 m around bus stops with 30+ departures a day", LayerGeometryType.MultiPolygon,
            [new("kind", LayerFieldType.Text), new("radius_m", LayerFieldType.Real), new("stops", LayerFieldType.Integer), new("area_ha", LayerFieldType.Real)],
            features);
    }

    /// <summary>Vacant houses at their place (the point the distances are measured from), public fields only.</summary>
    public static VectorLayer VacantHouses(City city)
    {
        var factory = new GeometryFactory(new PrecisionModel(), city.Projection.Epsg);
        var features = city.VacantHouses.Select(r =>
        {
            var h = r.House;
            var (x, y) = city.Projection.Project(r.Longitude, r.Latitude);
            return new LayerFeature(factory.CreatePoint(new Coordinate(x, y)),
                [h.Id, h.VacancyLikelihood, h.DecayRank, (long?)h.BuiltYear, h.Structure, h.FloorAreaSquareMeters, h.LandAreaSquareMeters, h.FrontageRoadWidthMeters, h.SurveyDate, h.Status,
                 r.InsideInducementArea, r.Zone, r.NearestHub, r.DistanceToNearestHubMeters, r.DistanceToFrequentStopMeters]);
        }).ToList();
        return new VectorLayer("vacant_houses", "surveyed vacant houses, public fields only, no personal data", LayerGeometryType.Point, VacantHouseFields, features);
    }

    private static object?[] DensityValues(AreaDensity d) => [Math.Round(d.Population, 4), d.AreaHectares, d.DensityPerHectare, d.TargetPerHectare, d.MeetsTarget, d.GapPersons];

    /// <summary>The polygons of <paramref name="g"/> as one multipolygon with its SRID (empty when it has none).</summary>
    private static MultiPolygon Multi(Geometry g)
    {
        if (g is MultiPolygon m)
        {
            return m;
        }

        var polygons = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().ToArray();
        var multi = g.Factory.CreateMultiPolygon(polygons);
        multi.SRID = g.SRID;
        return multi;
    }
}
