using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;

namespace Sousei.Geo.Bench;

/// <summary>
/// Sixteen hub points for benchmarking when no hubs.geojson is at hand: the centre (通町筋) and fifteen regional
/// hubs of the city's multi-core plan, placed by hand near their main stop. Approximate; not data.
/// </summary>
internal static class KumamotoHubs
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<Hub> All { get; } =
    [
        Hub("central", "中心市街地 (通町筋)", "central", 130.71007, 32.80305),
        Hub("ueki", "植木", "regional", 130.6918, 32.8951),
        Hub("kitabu", "北部 (堀川)", "regional", 130.7250, 32.8495),
        Hub("kusunoki", "楠・武蔵ヶ丘", "regional", 130.7603, 32.8480),
        Hub("hakenomiya", "八景水谷・清水亀井", "regional", 130.7227, 32.8416),
        Hub("nagamine", "長嶺", "regional", 130.7689, 32.8132),
        Hub("suizenji", "水前寺・九品寺", "regional", 130.7330, 32.7920),
        Hub("kengun", "健軍", "regional", 130.7613, 32.7783),
        Hub("heisei", "平成・南熊本", "regional", 130.7080, 32.7830),
        Hub("kamikumamoto", "上熊本", "regional", 130.6935, 32.8190),
        Hub("kumamotoeki", "熊本駅周辺", "regional", 130.6890, 32.7900),
        Hub("kawashiri", "川尻", "regional", 130.6930, 32.7440),
        Hub("tomiai", "富合", "regional", 130.6790, 32.7100),
        Hub("jonan", "城南", "regional", 130.7280, 32.7052),
        Hub("tamukae", "田迎", "regional", 130.7156, 32.7763),
        Hub("karikusa", "刈草・島町", "regional", 130.6950, 32.7650),
    ];

    private static Hub Hub(string id, string name, string kind, double lon, double lat) => new(id, name, kind, Factory.CreatePoint(new Coordinate(lon, lat)));
}
