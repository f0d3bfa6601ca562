using System.Text.Json.Nodes;

namespace Sousei.Geo.Cli.Tests.RealData;

/// <summary>
/// Assembles file-store directories (outside the repository, in the temp folder) from the real public
/// data in ../shared/realdata, converting properties to the project's layer schema. Nothing is copied
/// into the repository.
/// </summary>
internal static class RealStore
{
    public static string NewDirectory(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sousei-real-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>N03 wards → zones.geojson (id = JIS code, name, kind ward).</summary>
    public static void WriteWardZones(string dir, string file = "zones.geojson")
    {
        var wards = Load("kumamoto-boundaries", "kumamoto_city_wards_n03_2022.geojson");
        foreach (var f in wards["features"]!.AsArray())
        {
            var p = f!["properties"]!;
            f["properties"] = new JsonObject { ["id"] = p["N03_007"]!.GetValue<string>(), ["name"] = p["N03_004"]!.GetValue<string>(), ["kind"] = "ward", ["persons"] = 0, ["code"] = p["N03_007"]!.GetValue<string>(), ["year"] = 2000 };
        }

        File.WriteAllText(Path.Combine(dir, file), wards.ToJsonString());
    }

    /// <summary>2015 census 町丁 representative points → households.geojson (persons = population, year 2015).</summary>
    public static void WriteChomePointsAsHouseholds(string dir)
    {
        var points = Load("kumamoto-census2015-chome", "kumamoto_city_chome_census2015_points.geojson");
        foreach (var f in points["features"]!.AsArray())
        {
            var p = f!["properties"]!;
            f["properties"] = new JsonObject { ["id"] = p["key_code"]!.GetValue<string>(), ["persons"] = p["population"]!.GetValue<int>(), ["year"] = 2015 };
        }

        File.WriteAllText(Path.Combine(dir, "households.geojson"), points.ToJsonString());
    }

    public static void CopyA55(string dir) =>
        File.Copy(RepoPaths.RealData("kumamoto-cityplan-a55", "kumamoto_city_ricchi_tekiseika_keikaku.geojson"), Path.Combine(dir, "cityplan_a55.geojson"));

    public static void CopyMesh2020(string dir) =>
        File.Copy(RepoPaths.RealData("kumamoto-mesh500-census2020", "kumamoto_city_mesh500_census2020.csv"), Path.Combine(dir, "mesh_population_2020.csv"));

    private static JsonNode Load(params string[] parts) => JsonNode.Parse(File.ReadAllText(RepoPaths.RealData(parts)))!;

    /// <summary>
    /// The strategy's 16 hubs as points (a public fact: the station KUMAMOTO-FACTS.md names for ten of them,
    /// approximate town centres for 北部, 子飼, 長嶺, 刈草, 城南, 城山), so that A55 hub areas get their names.
    /// </summary>
    public static void WriteHubs(string dir)
    {
        (string Id, string Name, double Lon, double Lat)[] hubs =
        [
            ("central", "中心市街地", 130.71007, 32.80305), ("ueki", "植木", 130.68189, 32.88034), ("hokubu", "北部", 130.686, 32.862),
            ("kusunoki", "楠・武蔵ヶ丘", 130.77031, 32.85002), ("hakenomiya", "八景水谷・清水亀井", 130.72289, 32.84095),
            ("kokai", "子飼", 130.7265, 32.8135), ("nagamine", "長嶺", 130.7675, 32.8095), ("suizenji", "水前寺・九品寺", 130.72970, 32.79684),
            ("kengun", "健軍", 130.76130, 32.77832), ("heisei", "平成・南熊本", 130.71236, 32.78536), ("karikusa", "刈草", 130.7055, 32.7605),
            ("kawashiri", "川尻", 130.67982, 32.74456), ("tomiai", "富合", 130.67290, 32.71407), ("jonan", "城南", 130.7200, 32.6490),
            ("joyama", "城山", 130.6550, 32.8040), ("kamikumamoto", "上熊本", 130.69925, 32.81781),
        ];
        var features = new JsonArray();
        foreach (var (id, name, lon, lat) in hubs)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
                ["properties"] = new JsonObject { ["id"] = id, ["name"] = name, ["kind"] = id == "central" ? "central" : "regional" },
            });
        }

        File.WriteAllText(Path.Combine(dir, "hubs.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());
    }

    /// <summary>The five real feeds with timetables (buses, tram, 熊本電鉄) into the temp store's gtfs/ folder.</summary>
    public static void CopyRealGtfs(string dir)
    {
        var gtfs = Directory.CreateDirectory(Path.Combine(dir, "gtfs")).FullName;
        foreach (var zip in new[] { ("kumamoto-bus-gtfs", "toshibus.zip"), ("kumamoto-bus-gtfs", "kumabus.zip"), ("kumamoto-bus-gtfs", "dentetsu.zip"), ("kumamoto-tram-rail-gtfs", "kumamotoshiden.gtfs.zip"), ("kumamoto-tram-rail-gtfs", "kumamotodentetsu.gtfs.zip") })
        {
            File.Copy(RepoPaths.RealData(zip.Item1, zip.Item2), Path.Combine(gtfs, zip.Item2));
        }
    }
}
