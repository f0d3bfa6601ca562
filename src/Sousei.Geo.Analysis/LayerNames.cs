using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Analysis;

/// <summary>How a layer is named to users: its file in a store (docs/data-model.md).</summary>
public static class LayerNames
{
    /// <summary>"the inducement area (inducement_area.geojson, or cityplan_a55.geojson with AreaCode 31)", …</summary>
    public static string Describe(CityLayers layer) => layer switch
    {
        CityLayers.InducementArea => "the inducement area (inducement_area.geojson, or cityplan_a55.geojson with AreaCode 31)",
        CityLayers.Zones => "zones (zones.geojson)",
        CityLayers.Hubs => "hubs (hubs.geojson with id, name, kind)",
        CityLayers.Households => "households (households.geojson)",
        CityLayers.TownBlocks => "population units (town_blocks.geojson or mesh_population_<year>.csv)",
        CityLayers.Buildings => "buildings (buildings.geojson)",
        CityLayers.VacantHouses => "vacant houses (vacant_houses.geojson)",
        CityLayers.Gtfs => "GTFS feeds (.zip files or folders in gtfs/)",
        CityLayers.PopulationProjection => "a future-population projection (population_projection.geojson with ptn_YYYY per 500 m cell)",
        _ => layer.ToString(),
    };

    /// <summary>The layer's key in JSON and in the report ("inducement_area", "gtfs", …).</summary>
    public static string Key(CityLayers layer) => layer switch
    {
        CityLayers.InducementArea => "inducement_area",
        CityLayers.Zones => "zones",
        CityLayers.Hubs => "hubs",
        CityLayers.Households => "households",
        CityLayers.TownBlocks => "town_blocks",
        CityLayers.Buildings => "buildings",
        CityLayers.VacantHouses => "vacant_houses",
        CityLayers.Gtfs => "gtfs",
        CityLayers.PopulationProjection => "population_projection",
        _ => layer.ToString().ToLowerInvariant(),
    };
}
