namespace Sousei.Geo.Core.Model;

/// <summary>
/// The layers a city's data can hold (docs/data-model.md). Readers load only the layers asked for, and an
/// analysis states which ones it needs, so that a store is valid for the analyses its layers allow.
/// </summary>
[Flags]
public enum CityLayers
{
    None = 0,

    /// <summary>The 居住誘導区域 (inducement_area, or AreaCode 31 of an A55 city-plan layer).</summary>
    InducementArea = 1,

    /// <summary>Zones for breakdowns: wards, hub areas (zones, or AreaCode 32 of A55).</summary>
    Zones = 2,

    /// <summary>The central and regional hubs.</summary>
    Hubs = 4,

    /// <summary>Geocoded households (resident registry).</summary>
    Households = 8,

    /// <summary>Population units: town blocks and e-Stat mesh cells.</summary>
    TownBlocks = 16,

    /// <summary>Building footprints with floors and use.</summary>
    Buildings = 32,

    /// <summary>The vacant-house survey.</summary>
    VacantHouses = 64,

    /// <summary>GTFS / GTFS-JP timetables.</summary>
    Gtfs = 128,

    /// <summary>A future-population projection per mesh cell (国土数値情報 500 m メッシュ別将来推計人口).</summary>
    PopulationProjection = 256,

    /// <summary>Every layer.</summary>
    All = InducementArea | Zones | Hubs | Households | TownBlocks | Buildings | VacantHouses | Gtfs | PopulationProjection,
}
