using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Bench;

/// <summary>
/// Sixteen hub points for benchmarking when no hubs.geojson is at hand: the centre (通町筋) and fifteen regional
/// hubs of the city's multi-core plan, placed at the station KUMAMOTO-FACTS.md names for ten of them and at their approximate town centres for the other six (北部, 子飼, 長嶺, 刈草, 城南, 城山). Approximate; not data.
/// </summary>
internal static class KumamotoHubs
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<Hub> All { get; } =
    [
        Hub("central", "中心市街地 (通町筋)", "central", 130.71007, 32.80305),
        Hub("ueki", "植木", "regional", 130.68189, 32.88034),
        Hub("hokubu", "北部", "regional", 130.686, 32.862),
        Hub("kusunoki-musashigaoka", "楠・武蔵ヶ丘", "regional", 130.77031, 32.85002),
        Hub("hakenomiya-shimizu-kamei", "八景水谷・清水亀井", "regional", 130.72289, 32.84095),
        Hub("kokai", "子飼", "regional", 130.7265, 32.8135),
        Hub("nagamine", "長嶺", "regional", 130.7675, 32.8095),
        Hub("suizenji-kuhonji", "水前寺・九品寺", "regional", 130.72970, 32.79684),
        Hub("kengun", "健軍", "regional", 130.76130, 32.77832),
        Hub("heisei-minamikumamoto", "平成・南熊本", "regional", 130.71236, 32.78536),
        Hub("karikusa", "刈草", "regional", 130.7055, 32.7605),
        Hub("kawashiri", "川尻", "regional", 130.67982, 32.74456),
        Hub("tomiai", "富合", "regional", 130.67290, 32.71407),
        Hub("jonan", "城南", "regional", 130.7290, 32.7080),
        Hub("joyama", "城山", "regional", 130.6570, 32.7810),
        Hub("kamikumamoto", "上熊本", "regional", 130.69925, 32.81781),
    ];

    private static Hub Hub(string id, string name, string kind, double lon, double lat) => new(id, name, kind == "central" ? HubKind.Central : HubKind.Regional, Factory.CreatePoint(new Coordinate(lon, lat)));
}
