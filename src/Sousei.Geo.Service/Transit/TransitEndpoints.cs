using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Json;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Core.Model;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.Service.Basemap;
using Sousei.Geo.Service.Features;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Viewer;

namespace Sousei.Geo.Service.Transit;

/// <summary>
/// The transport analyses over HTTP, each the use case of the same name (the keys of <c>sousei hubs|coverage|…
/// --format json</c>): <c>/api/hubs/matrix</c>, <c>/api/frequency</c>, <c>/api/coverage</c>, <c>/api/accessibility</c>,
/// <c>/api/isochrones</c>; <c>/api/hubs</c> (hubs as GeoJSON with their service and minutes to the central hub) and
/// <c>/api/status</c> (which layers the data holds). Without GTFS the transit ones answer 404 ProblemDetails saying so.
/// </summary>
internal static class TransitEndpoints
{
    public static IEndpointRouteBuilder MapTransit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api");
        group.MapGet("/status", Status).WithTags("Transit").WithSummary("Which layers and analyses the loaded data supports");
        group.MapGet("/hubs", Hubs).WithTags("Transit").WithSummary("Hubs with trips per day and median minutes to the central hub (GeoJSON)")
            .WithAnalysisParameters(HubMatrixUseCase.Instance.Parameters);
        group.MapAnalysis("/hubs/matrix", HubMatrixUseCase.Instance, "Transit");
        group.MapAnalysis("/frequency", FrequencyUseCase.Instance, "Transit");
        group.MapAnalysis("/coverage", CoverageUseCase.Instance, "Transit");
        group.MapAnalysis("/accessibility", AccessibilityUseCase.Instance, "Transit");
        group.MapAnalysis("/compare", CompareUseCase.Instance, "Transit");
        group.MapAnalysis("/isochrones", IsochroneUseCase.Instance, "Transit", _ => "application/geo+json");
        return app;
    }

    private static IResult Status(HttpContext context, City data, ConfiguredBasemap basemap, BasemapFile basemapFile)
    {
        _ = new QueryReader(context.Request, []);
        var d = data.Dataset;
        var e = data.Extent;
        var transit = data.DefaultTransit;
        return Results.Json(new
        {
            source = data.Source.ShortName,
            transit = transit is not null,
            service_date = transit?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            town_block_year = data.LatestBlockYear,
            population_units = PopulationBases.UnitsKey(data),
            extent = e.IsNull ? null : new[] { e.MinX, e.MinY, e.MaxX, e.MaxY },
            layers = Enum.GetValues<CityLayers>().Where(l => l is not (CityLayers.None or CityLayers.All) && data.Has(l)).Select(LayerNames.Key),
            counts = new
            {
                households = d.Households.Count,
                town_blocks = d.TownBlocks.Count,
                buildings = d.Buildings.Count,
                zones = d.Zones.Count,
                hubs = d.Hubs.Count,
                vacant_houses = d.VacantHouses.Count,
                transit_stops = transit?.Network.Stops.Count ?? 0,
            },
            zones = d.Zones.Select(z => new { id = z.Id, name = z.Name, kind = z.Kind }),
            metadata = new
            {
                title = data.Metadata.Title,
                city_code = data.Metadata.CityCode,
                synthetic = data.Metadata.Synthetic,
                population_basis = IO.FileStore.StoreMetadataFile.BasisKey(data.Metadata.PopulationBasis),
                sources = data.Metadata.Sources.Select(c => new { layer = c.Layer, credit = c.Credit, licence = c.Licence, url = c.Url, year = c.Year }),
            },
            basemap = basemapFile.StatusEntry ?? (basemap.Value is { } b ? new { url = b.Url, attribution = b.Attribution, format = b.Format, minzoom = b.MinZoom, maxzoom = b.MaxZoom } : null),
            scenarios = transit is null ? [] : data.ScenarioList.Select(s => new { id = s.Id, name = s.Name, description = s.Description, problem = s.Problem }).ToArray(),
        });
    }

    private static IResult Hubs(HttpContext context, City data)
    {
        var request = AnalysisEndpoints.Parse(context.Request, HubMatrixUseCase.Instance);
        var matrix = data.Has(CityLayers.Gtfs) && data.Dataset.Hubs.Count >= 2 ? HubMatrixUseCase.Instance.Run(data, request) : null;
        var stats = matrix?.Hubs.ToDictionary(h => h.Id, StringComparer.Ordinal);
        return OgcEndpoints.Json(w =>
        {
            GeoJsonGeometryWriter.WriteFeatureCollectionStart(w);
            foreach (var h in data.Dataset.Hubs)
            {
                GeoJsonGeometryWriter.WriteFeature(w, h.Location, p =>
                {
                    p.WriteString("id", h.Id);
                    p.WriteString("name", h.Name);
                    p.WriteString("kind", Kinds.Name(h.Kind));
                    if (stats is not null && stats.TryGetValue(h.Id, out var s))
                    {
                        p.WriteNumber("stops", s.StopCount);
                        p.WriteNumber("trips_per_day", s.TripsPerDay);
                        p.WriteNumber("routes", s.Routes);
                        p.WriteNumberOrNull("minutes_to_central", s.MinutesToCentral, 1);
                    }
                    else
                    {
                        p.WriteNull("minutes_to_central");
                    }
                }, h.Id);
            }

            GeoJsonGeometryWriter.WriteFeatureCollectionEnd(w);
        }, "application/geo+json");
    }
}
