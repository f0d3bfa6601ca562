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
}
