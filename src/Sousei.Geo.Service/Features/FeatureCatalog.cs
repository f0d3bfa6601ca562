using System.Text.Json;
using Sousei.Geo.Analysis;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Service.Features;

/// <summary>
/// The public collections of the city, in listing order. Households are personal data and are not a
/// collection: they reach the public only as aggregated counts (see the tile layer <c>households</c>).
/// </summary>
internal sealed class FeatureCatalog
{
    public FeatureCatalog(City data)
    {
        var d = data.Dataset;
        var p = data.Projection;
        var layers = new List<FeatureLayer>
        {
            new ListLayer<Geometry0>("inducement_area", "居住誘導区域 Residential inducement area", "The residential inducement area (union of its features).",
                [new Geometry0("inducement_area", d.InducementArea)], (x, _) => x.Id, x => x.Geometry, (w, x) =>
                {
                    w.WriteString("name", "居住誘導区域");
                    w.WriteNumber("area_ha", Math.Round(data.Study.Area.AreaHectares, 4));
                }),
            new ListLayer<Zone>("zones", "区域 Zones", "Areas for breakdowns (wards, hub areas, …).", d.Zones, (z, _) => z.Id, z => z.Geometry, (w, z) =>
            {
                w.WriteString("id", z.Id);
                w.WriteString("name", z.Name);
                w.WriteString("kind", z.Kind);
                w.WriteNumber("area_ha", Math.Round(p.AreaSquareMeters(z.Geometry) / 10_000, 4));
            }),
            new ListLayer<Hub>("hubs", "拠点 Hubs", "The central hub and the regional hubs.", d.Hubs, (h, _) => h.Id, h => h.Location, (w, h) =>
            {
                w.WriteString("id", h.Id);
                w.WriteString("name", h.Name);
                w.WriteString("kind", Kinds.Name(h.Kind));
            }),
            new ListLayer<TownBlock>("town_blocks", "町丁目 Town blocks", "Resident-registry persons per town block and year; density in persons per hectare (EPSG plane area).",
                d.TownBlocks, (b, _) => $"{b.Code}_{b.Year}", b => b.Geometry, (w, b) =>
                {
                    var areaHectares = p.AreaSquareMeters(b.Geometry) / 10_000;
                    w.WriteString("code", b.Code);
                    w.WriteString("name", b.Name);
                    w.WriteNumber("year", b.Year);
                    w.WriteNumber("persons", b.Persons);
                    w.WriteNumber("area_ha", Math.Round(areaHectares, 4));
                    w.WriteNumber("density_per_ha", areaHectares > 0 ? Math.Round(b.Persons / areaHectares, 3) : 0);
                },
                ["year"], q => q.Int("year", 0, 1800, 3000) is var year and > 0 ? b => b.Year == year : null),
            new ListLayer<Building>("buildings", "建物 Buildings", "Building footprints with floors and use.", d.Buildings, (b, _) => b.Id, b => b.Geometry, (w, b) =>
            {
                w.WriteString("id", b.Id);
                w.WriteNumber("floors", b.Floors);
                w.WriteString("use", b.Use);
            }),
            new VacantHouseLayer(data),
        };
        if (data.DefaultTransit is { } transit)
        {
            var frequent = transit.FrequentStops.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var factory = d.InducementArea.Factory;
            layers.Add(new ListLayer<TransitStop>("transit_stops", "停留所 Transit stops", $"Boardable stops on the service day {transit.Date:yyyy-MM-dd} with departures per day (busiest direction).",
                transit.Network.Stops, (s, _) => s.Id, s => factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(s.Longitude, s.Latitude)), (w, s) =>
                {
                    w.WriteString("id", s.Id);
                    w.WriteString("name", s.Name);
                    w.WriteBoolean("is_rail", s.IsRail);
                    w.WriteNumber("departures_per_day", transit.MaxDeparturesPerDay.GetValueOrDefault(s.Id));
                    w.WriteBoolean("frequent", frequent.Contains(s.Id));
                }));
        }

        Layers = layers;
        ById = layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<FeatureLayer> Layers { get; }

    public IReadOnlyDictionary<string, FeatureLayer> ById { get; }

    private sealed record Geometry0(string Id, NetTopologySuite.Geometries.Geometry Geometry);
}
