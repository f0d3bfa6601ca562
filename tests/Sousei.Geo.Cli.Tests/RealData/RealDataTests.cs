using System.Text.Json;
using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Mesh;
using Sousei.Geo.IO.FileStore;

namespace Sousei.Geo.Cli.Tests.RealData;

/// <summary>Checks against published totals and independent computations on Kumamoto's real public data.</summary>
public sealed class RealDataTests : IDisposable
{
    private readonly List<string> _dirs = [];

    public void Dispose()
    {
        foreach (var d in _dirs)
        {
            Directory.Delete(d, true);
        }
    }

    private string Dir(string name)
    {
        var d = RealStore.NewDirectory(name);
        _dirs.Add(d);
        return d;
    }

    [RealDataFact]
    public void Town_block_points_add_up_to_the_2015_census_city_and_ward_totals()
    {
        // The city as the "area" (the wards' union) and the wards as zones.
        var dir = Dir("chome");
        RealStore.WriteWardZones(dir);
        RealStore.WriteWardZones(dir, "inducement_area.geojson");
        RealStore.WriteChomePointsAsHouseholds(dir);

        var r = CliRun.Run("density", "--data", dir, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var wards = doc.RootElement.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("id").GetString()!, z => z.GetProperty("population").GetDouble());

        // Representative points that no N03 (2022) ward polygon covers, found independently by brute force:
        // their persons are exactly what the area count misses (one 西区 point lies just off the coastline).
        var data = FileStoreReader.Load(dir, PlaneProjection.Kumamoto).Dataset;
        var gf = data.InducementArea.Factory;
        var outside = data.Households.Where(h => !data.Zones.Any(z => z.Geometry.Covers(gf.CreatePoint(new Coordinate(h.Longitude, h.Latitude))))).ToList();
        Assert.Equal(740_822, doc.RootElement.GetProperty("population").GetDouble() + outside.Sum(h => h.Persons));
        Assert.Equal(740_822, data.Households.Sum(h => h.Persons));

        // Published 2015 census ward totals (SOURCE.md of kumamoto-census2015-chome).
        Assert.Equal(186_300, wards["43101"]);
        Assert.Equal(190_451, wards["43102"]);
        var westOutside = outside.Where(h => h.Longitude < 130.68).Sum(h => h.Persons); // 西区 is the west of the city
        Assert.Equal(93_171, wards["43103"] + westOutside);
        Assert.Equal(127_769, wards["43104"]);
        Assert.Equal(143_131, wards["43105"]);
    }

    [RealDataFact]
    public void Town_block_points_inside_the_real_inducement_area_match_the_independent_count()
    {
        // SOURCE.md of kumamoto-cityplan-a55 (GDAL/GEOS, computed outside this project): 378,702 persons.
        var dir = Dir("chome-area");
        RealStore.CopyA55(dir);
        RealStore.WriteChomePointsAsHouseholds(dir);
        var r = CliRun.Run("density", "--data", dir, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(378_702, doc.RootElement.GetProperty("population").GetDouble());
        // The real 居住誘導区域 is about 5,908.6 ha measured on the sphere (±0.3 %).
        Assert.InRange(doc.RootElement.GetProperty("area_ha").GetDouble(), 5_908.6 * 0.997, 5_908.6 * 1.003);
    }

    [RealDataFact]
    public void Mesh_areal_weighting_over_the_city_matches_the_published_area_weighted_totals()
    {
        // SOURCE.md of kumamoto-mesh500-census2020: Σ population × city_share (GEOS in EPSG:6670) = 737,781;
        // by ward 中央区 188,415; 東区 190,648; 西区 88,803; 南区 131,220; 北区 138,696.
        var dir = Dir("mesh-city");
        RealStore.WriteWardZones(dir);
        RealStore.WriteWardZones(dir, "inducement_area.geojson");
        RealStore.CopyMesh2020(dir);
        var r = CliRun.Run("density", "--data", dir, "--format", "json", "--method", "blocks");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(737_781, doc.RootElement.GetProperty("population").GetDouble(), 737_781 * 0.0002);
        var wards = doc.RootElement.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("id").GetString()!, z => z.GetProperty("population").GetDouble());
        Assert.Equal(188_415, wards["43101"], 188_415 * 0.0005);
        Assert.Equal(190_648, wards["43102"], 190_648 * 0.0005);
        Assert.Equal(88_803, wards["43103"], 88_803 * 0.0005);
        Assert.Equal(131_220, wards["43104"], 131_220 * 0.0005);
        Assert.Equal(138_696, wards["43105"], 138_696 * 0.0005);
    }

    [RealDataFact]
    public void Real_inducement_area_density_by_mesh_agrees_with_an_independent_sampling_estimate()
    {
        var dir = Dir("mesh-area");
        RealStore.CopyA55(dir);
        RealStore.CopyMesh2020(dir);
        var r = CliRun.Run("density", "--data", dir, "--format", "json", "--method", "blocks");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var population = doc.RootElement.GetProperty("population").GetDouble();

        // Independent: no polygon overlay. Sample each mesh cell on a 40 × 40 grid of cell-centred points and
        // weight its population by the share of samples inside the area (point-in-polygon only).
        var data = FileStoreReader.Load(dir, PlaneProjection.Kumamoto).Dataset;
        var area = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(data.InducementArea);
        var gf = data.InducementArea.Factory;
        double estimate = 0;
        const int n = 40;
        foreach (var cell in data.TownBlocks)
        {
            JisMesh.TryDecode(cell.Code, out var x0, out var y0, out var w, out var h, out _);
            var inside = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (area.Covers(gf.CreatePoint(new Coordinate(x0 + (i + 0.5) * w / n, y0 + (j + 0.5) * h / n))))
                    {
                        inside++;
                    }
                }
            }

            estimate += cell.Persons * inside / (double)(n * n);
        }

        Assert.Equal(estimate, population, estimate * 0.003);
    }

    [RealDataFact]
    public void Report_on_the_real_plan_and_mesh_answers_the_planners_question()
    {
        var dir = Dir("report");
        RealStore.CopyA55(dir);
        RealStore.CopyMesh2020(dir);
        RealStore.WriteWardZones(dir);
        var r = CliRun.Run("report", "--data", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Matches(@"blocks\s+2020\s+[\d,]+\s+\d+\.\d\d\s+-?[\d,]+\s+(meets|BELOW)", r.Out);
        Assert.Contains("中央区", r.Out, StringComparison.Ordinal);
    }

    [RealDataFact]
    public void Report_on_real_plan_mesh_hubs_and_timetables_names_hub_areas_and_times_the_tram()
    {
        var dir = Dir("report-transit");
        RealStore.CopyA55(dir);
        RealStore.CopyMesh2020(dir);
        RealStore.WriteWardZones(dir);
        RealStore.WriteHubs(dir);
        RealStore.CopyRealGtfs(dir);

        var r = CliRun.Run("report", "--data", dir, "--date", "2026-05-12");

        Assert.True(r.ExitCode == 0, r.Error);
        // The 16 A55 都市機能誘導区域 take the names of the hubs inside them (or nearest).
        Assert.Contains("中心市街地", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("都市機能誘導区域 1 ", r.Out, StringComparison.Ordinal);
        Assert.Contains("Hub connectivity 2026-05-12 07:00-09:00", r.Out, StringComparison.Ordinal);
        // The tram runs 健軍町 → 通町筋 in about 25–30 minutes; with the walk at both ends the median lands nearby.
        var kengun = System.Text.RegularExpressions.Regex.Match(r.Out, @"健軍\s+(\d+\.\d)");
        Assert.True(kengun.Success, r.Out);
        Assert.InRange(double.Parse(kengun.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 18, 40);
    }
}
