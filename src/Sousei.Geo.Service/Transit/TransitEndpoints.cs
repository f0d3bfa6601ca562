using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Analysis;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Features;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Transit;

/// <summary>
/// Transit results as JSON when the data has GTFS: <c>/api/hubs</c> (hubs with median minutes to the central
/// hub), <c>/api/hubs/matrix</c> (the keys of <c>sousei hubs --format json</c>), <c>/api/coverage</c> and
/// <c>/api/isochrones</c>. Without GTFS they answer 404 ProblemDetails saying so.
/// </summary>
internal static class TransitEndpoints
{
    /// <summary>Isochrone grid cell, metres in the plane CRS.</summary>
    public const double IsochroneCellMeters = 500;

    public static IEndpointRouteBuilder MapTransit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Transit");
        group.MapGet("/status", Status).WithSummary("Which layers and analyses the loaded data supports");
        group.MapGet("/hubs", Hubs).WithSummary("Hubs with trips per day and median minutes to the central hub (GeoJSON)");
        group.MapGet("/hubs/matrix", Matrix).WithSummary("Hub-to-hub travel-time matrix (range-RAPTOR, 07:00–09:00)");
        group.MapGet("/coverage", Coverage).WithSummary("Residents inside the MLIT public-transport walkable area");
        group.MapGet("/isochrones", Isochrones).WithSummary("Median transit travel time from a point to a 500 m grid (GeoJSON)");
        return app;
    }

    private static IResult NoTransit() => Results.Problem(statusCode: 404, title: "No transit data",
        detail: "the data has no GTFS feed (gtfs/ in the file store), so transit results are not available");

    private static IResult Status(HttpContext context, CityData data)
    {
        _ = new QueryReader(context.Request, []);
        var d = data.Dataset;
        var e = data.Extent;
        return Results.Json(new
        {
            source = Path.GetFileName(data.Description.TrimEnd('/')),
            transit = data.Transit is not null,
            service_date = data.Transit?.Network.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            town_block_year = data.LatestBlockYear,
            extent = new[] { e.MinX, e.MinY, e.MaxX, e.MaxY },
            counts = new
            {
                households = d.Households.Count,
                town_blocks = d.TownBlocks.Count,
                buildings = d.Buildings.Count,
                zones = d.Zones.Count,
                hubs = d.Hubs.Count,
                vacant_houses = d.VacantHouses.Count,
                transit_stops = data.Transit?.Network.Stops.Count ?? 0,
            },
            zones = d.Zones.Select(z => new { id = z.Id, name = z.Name, kind = z.Kind }),
        });
    }

    private static IResult Hubs(HttpContext context, CityData data)
    {
        _ = new QueryReader(context.Request, []);
        var stats = data.Transit?.HubMatrix?.Hubs.ToDictionary(h => h.Id, StringComparer.Ordinal);
        return OgcEndpoints.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var h in data.Dataset.Hubs)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", h.Id);
                w.WritePropertyName("geometry");
                GeoJsonGeometryWriter.Write(w, h.Location);
                w.WriteStartObject("properties");
                w.WriteString("id", h.Id);
                w.WriteString("name", h.Name);
                w.WriteString("kind", h.Kind);
                if (stats is not null && stats.TryGetValue(h.Id, out var s))
                {
                    w.WriteNumber("stops", s.StopCount);
                    w.WriteNumber("trips_per_day", s.TripsPerDay);
                    w.WriteNumber("routes", s.Routes);
                    w.WriteNumberOrNull("minutes_to_central", s.MinutesToCentral, 1);
                }
                else
                {
                    w.WriteNull("minutes_to_central");
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, "application/geo+json");
    }

    private static IResult Matrix(HttpContext context, CityData data)
    {
        _ = new QueryReader(context.Request, []);
        if (data.Transit is null)
        {
            return NoTransit();
        }

        if (data.Transit.HubMatrix is not { } r)
        {
            return Results.Problem(statusCode: 404, title: "Too few hubs", detail: "the hub matrix needs at least two hubs (hubs.geojson)");
        }

        return OgcEndpoints.Json(w => HubConnectivityJson.Write(w, r));
    }

    private static IResult Coverage(HttpContext context, CityData data)
    {
        _ = new QueryReader(context.Request, []);
        if (data.Transit is null)
        {
            return NoTransit();
        }

        var c = data.Transit.Coverage;
        return Results.Json(new
        {
            persons = c.Persons,
            covered_persons = c.CoveredPersons,
            share_of_city = Math.Round(c.ShareOfCity, 4),
            inducement_persons = c.InducementPersons,
            covered_inducement_persons = c.CoveredInducementPersons,
            share_of_inducement_area = c.ShareOfInducementArea is { } s ? Math.Round(s, 4) : (double?)null,
            rail_stops = c.RailStops,
            qualifying_bus_stops = c.QualifyingBusStops,
        });
    }

    private static IResult Isochrones(HttpContext context, CityData data)
    {
        var q = new QueryReader(context.Request, ["lon", "lat", "max_minutes"]);
        var lon = q.Double("lon", -180, 180) ?? throw new BadParameterException("lon", "required: the origin's longitude");
        var lat = q.Double("lat", -90, 90) ?? throw new BadParameterException("lat", "required: the origin's latitude");
        var maxMinutes = q.Double("max_minutes", 5, 180) ?? 60;
        var extent = data.Extent;
        if (!extent.Covers(lon, lat))
        {
            // Name the coordinate that is off (longitude when both are).
            var (name, min, max) = lon < extent.MinX || lon > extent.MaxX ? ("lon", extent.MinX, extent.MaxX) : ("lat", extent.MinY, extent.MaxY);
            throw new BadParameterException(name, FormattableString.Invariant($"the origin lies outside the city's data extent ({name} {min:0.######} to {max:0.######})"));
        }

        if (data.Transit is not { } transit)
        {
            return NoTransit();
        }

        var p = data.Projection;
        var e = data.Extent;
        var (x0, y0) = p.Project(e.MinX, e.MinY);
        var (x1, y1) = p.Project(e.MaxX, e.MaxY);
        var cells = new List<(double X, double Y)>();
        for (var x = Math.Floor(x0 / IsochroneCellMeters) * IsochroneCellMeters; x < x1; x += IsochroneCellMeters)
        {
            for (var y = Math.Floor(y0 / IsochroneCellMeters) * IsochroneCellMeters; y < y1; y += IsochroneCellMeters)
            {
                cells.Add((x, y));
            }
        }

        var centres = cells.Select(c => p.Unproject(c.X + IsochroneCellMeters / 2, c.Y + IsochroneCellMeters / 2)).ToList();
        var seconds = TransitRouter.TravelSeconds(transit.Network, (lon, lat), centres, transit.Options);
        return OgcEndpoints.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (var i = 0; i < cells.Count; i++)
            {
                var sorted = (int[])seconds[i].Clone();
                Array.Sort(sorted);
                var median = TravelTimeStatistics.Minutes(TravelTimeStatistics.NearestRank(sorted, 50));
                if (median is not { } m || m > maxMinutes)
                {
                    continue;
                }

                var (cx, cy) = cells[i];
                var ring = new[] { (cx, cy), (cx + IsochroneCellMeters, cy), (cx + IsochroneCellMeters, cy + IsochroneCellMeters), (cx, cy + IsochroneCellMeters), (cx, cy) }
                    .Select(c => p.Unproject(c.Item1, c.Item2)).Select(c => new Coordinate(c.Longitude, c.Latitude)).ToArray();
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                GeoJsonGeometryWriter.Write(w, data.Dataset.InducementArea.Factory.CreatePolygon(ring));
                w.WriteStartObject("properties");
                w.WriteNumber("median_minutes", Math.Round(m, 1));
                w.WriteNumber("band", Math.Ceiling(m / 15) * 15);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, "application/geo+json");
    }
}
