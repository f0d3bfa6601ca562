using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Demo;

/// <summary>
/// The public facts the demo generator builds on (../shared/KUMAMOTO-FACTS.md and plain geography),
/// typed by hand: hub and station coordinates, ward names and codes, population totals and the city
/// area. Everything else the generator draws. Coordinates are longitude, latitude in degrees.
/// </summary>
internal static class KumamotoDemoFacts
{
    /// <summary>熊本市, JIS municipality code.</summary>
    public const string CityCode = "43100";

    /// <summary>Official city area, km².</summary>
    public const double CityAreaSquareKilometers = 390.32;

    /// <summary>Residents in the base year (resident registry scale; the 2015 census counted 740,822).</summary>
    public const int BaseYearPersons = 741_000;

    /// <summary>Residents in the latest year: the city declines slowly.</summary>
    public const int LatestYearPersons = 740_000;

    public const int BaseYear = 2015;

    public const int LatestYear = 2023;

    /// <summary>Inducement-area density the generator aims at, persons/ha (the strategy's base was 60.7 in 2015).</summary>
    public const double BaseYearInsideDensityPerHectare = 61.0;

    public const double LatestYearInsideDensityPerHectare = 60.2;

    /// <summary>
    /// The central hub and the 15 regional hubs. Rail/tram hubs sit on their station
    /// (national land information); 北部, 子飼, 長嶺, 刈草, 城南 and 城山 at their approximate town centres.
    /// </summary>
    public static IReadOnlyList<DemoHubFact> Hubs { get; } =
    [
        new("central", "中心市街地", HubKind.Central, 130.7100, 32.8030, 800, 4.0),
        new("ueki", "植木", HubKind.Regional, 130.68189, 32.88034, 600, 1.0),
        new("hokubu", "北部", HubKind.Regional, 130.6860, 32.8620, 500, 0.9),
        new("kusunoki-musashigaoka", "楠・武蔵ヶ丘", HubKind.Regional, 130.77031, 32.85002, 600, 1.2),
        new("hakenomiya-shimizu-kamei", "八景水谷・清水亀井", HubKind.Regional, 130.72289, 32.84095, 500, 1.0),
        new("kokai", "子飼", HubKind.Regional, 130.7265, 32.8135, 400, 1.1),
        new("nagamine", "長嶺", HubKind.Regional, 130.7675, 32.8095, 500, 1.1),
        new("suizenji-kuhonji", "水前寺・九品寺", HubKind.Regional, 130.72970, 32.79684, 600, 1.4),
        new("kengun", "健軍", HubKind.Regional, 130.76130, 32.77832, 600, 1.3),
        new("heisei-minamikumamoto", "平成・南熊本", HubKind.Regional, 130.71236, 32.78536, 600, 1.2),
        new("karikusa", "刈草", HubKind.Regional, 130.7055, 32.7605, 500, 0.9),
        new("kawashiri", "川尻", HubKind.Regional, 130.67982, 32.74456, 500, 0.9),
        new("tomiai", "富合", HubKind.Regional, 130.67290, 32.71407, 400, 0.6),
        new("jonan", "城南", HubKind.Regional, 130.7290, 32.7080, 500, 0.6),
        new("joyama", "城山", HubKind.Regional, 130.6570, 32.7810, 400, 0.7),
        new("kamikumamoto", "上熊本", HubKind.Regional, 130.69925, 32.81781, 500, 1.0),
    ];

    /// <summary>Named stations that are not hubs (approximate positions).</summary>
    public static IReadOnlyList<(string Id, string Name, double Longitude, double Latitude)> Anchors { get; } =
    [
        ("kumamoto-station", "熊本駅", 130.6886, 32.7898),
        ("kumamoto-station-tram", "熊本駅前", 130.6897, 32.7907),
        ("fujisakigu", "藤崎宮前", 130.7127, 32.8130),
    ];

    /// <summary>Wards: JIS code, name, and seed points whose nearest-seed regions shape the synthetic wards.</summary>
    public static IReadOnlyList<(string Code, string Name, (double Lon, double Lat)[] Seeds)> Wards { get; } =
    [
        ("43101", "中央区", [(130.712, 32.803), (130.725, 32.790), (130.733, 32.811)]),
        ("43102", "東区", [(130.770, 32.790), (130.795, 32.820), (130.755, 32.765), (130.765, 32.828), (130.760, 32.745)]),
        ("43103", "西区", [(130.665, 32.800), (130.625, 32.790), (130.600, 32.820), (130.680, 32.815), (130.688, 32.785), (130.635, 32.755)]),
        ("43104", "南区", [(130.700, 32.750), (130.680, 32.720), (130.735, 32.700), (130.720, 32.660), (130.650, 32.720)]),
        ("43105", "北区", [(130.700, 32.880), (130.730, 32.850), (130.690, 32.930), (130.660, 32.880), (130.745, 32.870), (130.775, 32.860), (130.650, 32.850), (130.705, 32.848)]),
    ];

    /// <summary>
    /// A simple hand-drawn city outline (clockwise from the northern tip), loosely following the
    /// city's extent (about 130.57–130.83 E, 32.64–32.98 N); the generator rescales it to the
    /// official area.
    /// </summary>
    public static IReadOnlyList<(double Lon, double Lat)> Outline { get; } =
    [
        (130.705, 32.970), (130.720, 32.912), (130.750, 32.868), (130.788, 32.852), (130.812, 32.830),
        (130.790, 32.806), (130.781, 32.778), (130.766, 32.754), (130.767, 32.700), (130.756, 32.662),
        (130.735, 32.634), (130.705, 32.636), (130.690, 32.683), (130.660, 32.698), (130.614, 32.716),
        (130.608, 32.752), (130.594, 32.788), (130.584, 32.824), (130.614, 32.840), (130.644, 32.858),
        (130.652, 32.918), (130.688, 32.955),
    ];

    /// <summary>
    /// Open land where nobody lives: 熊本城, 江津湖 and 立田山 (holes of the inducement area) and the
    /// 金峰山 massif. Centre longitude/latitude and radius in metres.
    /// </summary>
    public static IReadOnlyList<(string Name, double Lon, double Lat, double RadiusMeters, bool HoleInInducementArea)> OpenLand { get; } =
    [
        ("熊本城", 130.7058, 32.8063, 350, true),
        ("江津湖", 130.7370, 32.7830, 400, true),
        ("立田山", 130.7380, 32.8290, 600, true),
        ("金峰山", 130.6183, 32.8152, 2500, false),
    ];

    /// <summary>Distance bands around hubs that the inducement-area rule unions, metres.</summary>
    public const double CentralBandMeters = 2000;

    public const double RegionalBandMeters = 800;

    /// <summary>Bus corridors count toward the inducement area only this far from the central hub (the built-up core), metres.</summary>
    public const double BusCorridorReachMeters = 5000;

    /// <summary>Trunk lines of the demo network (8 axes: JR 鹿児島本線 north and south, JR 豊肥本線, 熊本電鉄, the tram, and bus corridors north, east and south, plus a feeder to 城山).</summary>
    public static IReadOnlyList<DemoLineFact> Lines { get; } =
    [
        new("jr-kagoshima-north", "JR北", "JR鹿児島本線 熊本–植木", 2, "D7003A", ["kumamoto-station", "kamikumamoto", "ueki"], 2500, 40, 15, 20, 400),
        new("jr-kagoshima-south", "JR南", "JR鹿児島本線 熊本–富合", 2, "D7003A", ["kumamoto-station", "kawashiri", "tomiai"], 2500, 40, 15, 20, 400),
        new("jr-hohi", "豊肥", "JR豊肥本線 熊本–武蔵塚", 2, "F08300", ["kumamoto-station", "heisei-minamikumamoto", "suizenji-kuhonji", "kusunoki-musashigaoka"], 1500, 40, 15, 20, 400),
        new("dentetsu", "電鉄", "熊本電鉄 藤崎宮前–八景水谷", 2, "E4007F", ["fujisakigu", "hakenomiya-shimizu-kamei"], 1000, 40, 15, 20, 400),
        new("tram-a", "A", "市電A 健軍町–熊本駅前", 0, "00873C", ["kengun", "suizenji-kuhonji", "central", "kumamoto-station-tram"], 450, 15, 6, 10, 400),
        new("tram-b", "B", "市電B 健軍町–上熊本", 0, "0068B7", ["kengun", "suizenji-kuhonji", "central", "kamikumamoto"], 450, 15, 10, 15, 400),
        new("bus-north", "N1", "国道3号線 中心市街地–植木", 3, "1D2088", ["central", "hakenomiya-shimizu-kamei", "hokubu", "ueki"], 500, 20, 10, 15, 250),
        new("bus-east", "E1", "国道57号線 中心市街地–長嶺", 3, "1D2088", ["central", "kokai", "nagamine"], 500, 20, 10, 15, 250),
        new("bus-kusunoki", "E2", "中心市街地–子飼–楠・武蔵ヶ丘", 3, "1D2088", ["central", "kokai", "kusunoki-musashigaoka"], 500, 20, 15, 20, 250),
        new("bus-south", "S1", "中心市街地–刈草–城南", 3, "1D2088", ["central", "heisei-minamikumamoto", "karikusa", "jonan"], 500, 20, 15, 20, 250),
        new("bus-west", "W1", "中心市街地–城山", 3, "1D2088", ["central", "joyama"], 500, 20, 15, 20, 250),
    ];
}
