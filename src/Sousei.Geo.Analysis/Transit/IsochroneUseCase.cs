using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.GeoJson;

namespace Sousei.Geo.Analysis.Transit;

/// <summary>What an isochrone answer holds: the grid cells with their median minutes, or bands drawn from them.</summary>
public enum IsochroneShape
{
    /// <summary>One square feature per cell reached, with its median minutes.</summary>
    Cells,

    /// <summary>One (multi)polygon per time limit: the union of the cells within it.</summary>
    Bands,
}

/// <summary>
/// An isochrone from a hub (<see cref="Hub"/>) or a point (<see cref="Longitude"/>, <see cref="Latitude"/>): the
/// routing parameters, the time limit, the cell size, and the band limits.
/// </summary>
public sealed record IsochroneRequest
{
    public TransitParameters Transit { get; init; } = new();

    public string? Hub { get; init; }

    public double? Longitude { get; init; }

    public double? Latitude { get; init; }

    public double MaxMinutes { get; init; } = 60;

    public double CellMeters { get; init; } = Isochrone.DefaultCellMeters;

    public IReadOnlyList<int> Minutes { get; init; } = [15, 30, 45, 60];

    public IsochroneShape Shape { get; init; } = IsochroneShape.Cells;

    internal void Validate(Parameters p)
    {
        Transit.Validate(p);
        var point = Longitude is not null || Latitude is not null;
        if (Hub is not null && point)
        {
            p.Add("hub", RequestProblem.Conflict, "give either hub or lon and lat, not both");
        }
        else if (Hub is null && !point)
        {
            p.Add("hub", RequestProblem.Required, "give the origin: hub ID, or lon and lat");
        }
        else if (point && (Longitude is null || Latitude is null))
        {
            p.Add(Longitude is null ? "lon" : "lat", RequestProblem.Required, "required with " + (Longitude is null ? "lat" : "lon"));
        }

        p.Check(Longitude is null or (>= -180 and <= 180), "lon", "must be a longitude from -180 to 180");
        p.Check(Latitude is null or (>= -90 and <= 90), "lat", "must be a latitude from -90 to 90");
        p.Check(MaxMinutes is >= 5 and <= 180, "max_minutes", "must be a number from 5 to 180 minutes");
        p.Check(CellMeters is >= 50 and <= 5000, "cell", "must be a number from 50 to 5000 metres");
        p.Check(Minutes.Count > 0 && Minutes.All(m => m is >= 1 and <= 180), "minutes", "must be whole numbers from 1 to 180");
    }
}

/// <summary>The grid from the origin on a service day, and the bands of the request.</summary>
public sealed record IsochroneReport(DateOnly Date, string Window, string? Hub, IsochroneGrid Grid, IsochroneShape Shape, IReadOnlyList<int> Minutes)
{
    private readonly Lazy<IReadOnlyList<IsochroneBand>> _bands = new(() => Isochrone.Bands(Grid, Minutes));

    /// <summary>Bands drawn from the grid, one per limit of <see cref="Minutes"/>.</summary>
    public IReadOnlyList<IsochroneBand> Bands => _bands.Value;
}

/// <summary>
/// <c>isochrone</c>: where one can get from a hub or a point by public transport, as a grid of median minutes
/// (the one isochrone model, docs/transit.md) or as bands drawn from it. RFC 7946 GeoJSON. Needs GTFS (and hubs for a hub origin).
/// </summary>
public sealed class IsochroneUseCase : IAnalysis<IsochroneRequest, IsochroneReport>
{
    public static IsochroneUseCase Instance { get; } = new();

    public string Name => "isochrone";

    public string Summary => "where one gets from a hub or a point by public transport: a grid of median minutes, or bands (GeoJSON)";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("hub", "ID", "origin: a hub id of hubs.geojson"),
        new("lon", "LON", "origin: longitude (with lat), inside the data's extent"),
        new("lat", "LAT", "origin: latitude (with lon)"),
        new("shape", "cells|bands", "cells: one square per cell with its median minutes (default); bands: one polygon per limit of minutes"),
        new("minutes", "M,M,…", "band limits, minutes (default 15,30,45,60); each cell also carries the band it falls in"),
        new("max_minutes", "M", "cells above this median are left out (default 60)"),
        new("cell", "M", "cell edge, metres in the plane CRS (default 500)"),
        .. TransitParameters.Specs,
    ];

    public IsochroneRequest Parse(Parameters p)
    {
        var minutes = p.WholeList("minutes", 1, 180) ?? [15, 30, 45, 60];
        var request = new IsochroneRequest
        {
            Transit = TransitParameters.Parse(p),
            Hub = p.Text("hub"),
            Longitude = p.Number("lon"),
            Latitude = p.Number("lat"),
            MaxMinutes = p.Number("max_minutes") ?? Math.Max(60, minutes.Max()),
            CellMeters = p.Number("cell") ?? Isochrone.DefaultCellMeters,
            Minutes = minutes,
            Shape = p.Choice("shape", ("cells", IsochroneShape.Cells), ("bands", IsochroneShape.Bands)) ?? IsochroneShape.Cells,
        };
        request.Validate(p);
        p.ThrowIfAny();
        return request;
    }

    public CityLayers Layers(IsochroneRequest request, CityLayers available) => CityLayers.Gtfs | CityLayers.Hubs;

    public IsochroneReport Run(City city, IsochroneRequest request)
    {
        Requests.Parameters.Validate(p => request.Validate(p));
        city.RequireLayer(CityLayers.Gtfs, "isochrones");
        (double Lon, double Lat) origin;
        if (request.Hub is { } id)
        {
            var hub = city.Dataset.Hubs.FirstOrDefault(h => h.Id == id)
                ?? throw new RequestException("hub", RequestProblem.Choice, $"no hub '{Requests.Parameters.Echo(id)}' (hubs: {string.Join(", ", city.Dataset.Hubs.Select(h => h.Id).Take(30))})");
            origin = (hub.Location.X, hub.Location.Y);
        }
        else
        {
            origin = (request.Longitude!.Value, request.Latitude!.Value);
            var e = city.Extent;
            if (!e.Covers(origin.Lon, origin.Lat))
            {
                // Name the coordinate that is off (longitude when both are).
                var (name, min, max) = origin.Lon < e.MinX || origin.Lon > e.MaxX ? ("lon", e.MinX, e.MaxX) : ("lat", e.MinY, e.MaxY);
                throw new RequestException(name, RequestProblem.Range, FormattableString.Invariant($"the origin lies outside the city's data extent ({name} {min:0.######} to {max:0.######})"));
            }
        }

        var day = city.Transit(request.Transit.Date, request.Transit.Scenarios);
        if (request.Hub is null && !HasStopWithin(day.Network, origin, request.Transit.AccessRadiusMeters))
        {
            // Walking alone is not a transit isochrone: say so rather than answer the walk-only disc.
            throw new RequestException("lon", RequestProblem.NoStopNearby, FormattableString.Invariant(
                $"no stop within {request.Transit.AccessRadiusMeters:0.#} m of this point (access_radius): choose a point nearer a stop"));
        }

        var grid = city.Memo(("isochrone", day.Date, request.Transit.Key, origin, request.CellMeters, request.MaxMinutes),
            () => Isochrone.Compute(day.Network, origin, request.Transit.ToOptions(), request.CellMeters, request.MaxMinutes));
        return new IsochroneReport(day.Date, request.Transit.WindowText, request.Hub, grid, request.Shape, request.Minutes);
    }

    private static bool HasStopWithin(Core.Transit.TransitNetwork network, (double Lon, double Lat) origin, double radiusMeters)
    {
        var o = network.Projection.Project(origin.Lon, origin.Lat);
        return network.Stops.Any(s => ((s.X - o.X) * (s.X - o.X)) + ((s.Y - o.Y) * (s.Y - o.Y)) <= radiusMeters * radiusMeters);
    }

    public void WriteJson(Utf8JsonWriter w, IsochroneReport r)
    {
        var lonLat = new GeometryFactory(new PrecisionModel(), 4326);
        var date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        GeoJsonGeometryWriter.WriteFeatureCollectionStart(w, m =>
        {
            m.WriteString("date", date);
            m.WriteString("window", r.Window);
            m.WriteNumber("cell_m", r.Grid.CellMeters);
            m.WriteStartArray("origin");
            m.WriteNumberValue(GeoJsonGeometryWriter.Round(r.Grid.OriginLongitude));
            m.WriteNumberValue(GeoJsonGeometryWriter.Round(r.Grid.OriginLatitude));
            m.WriteEndArray();
        });
        if (r.Shape == IsochroneShape.Cells)
        {
            foreach (var c in r.Grid.Cells)
            {
                var band = r.Minutes.Where(m => c.MedianMinutes <= m).Cast<int?>().FirstOrDefault();
                GeoJsonGeometryWriter.WriteFeature(w, r.Grid.SquareLonLat(c, lonLat), p =>
                {
                    p.WriteNumber("median_minutes", Math.Round(c.MedianMinutes, 1));
                    if (band is { } b)
                    {
                        p.WriteNumber("band", b);
                    }
                    else
                    {
                        p.WriteNull("band");
                    }
                });
            }
        }
        else
        {
            // Largest band first, so that smaller ones draw on top.
            foreach (var band in r.Bands.OrderByDescending(b => b.Minutes))
            {
                GeoJsonGeometryWriter.WriteFeature(w, band.Area, p =>
                {
                    if (r.Hub is not null)
                    {
                        p.WriteString("hub", r.Hub);
                    }

                    p.WriteNumber("minutes", band.Minutes);
                    p.WriteNumber("area_ha", Math.Round(band.AreaHectares, 1));
                    p.WriteNumber("stops_reached", band.StopsReached);
                    p.WriteString("date", date);
                });
            }
        }

        GeoJsonGeometryWriter.WriteFeatureCollectionEnd(w);
    }
}
