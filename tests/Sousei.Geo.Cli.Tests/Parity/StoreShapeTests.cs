using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Cli.Tests.Commands;
using Sousei.Geo.Cli.Tests.Database;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Cli.Tests.Parity;

/// <summary>
/// A store is valid for the analyses its layers allow: coverage counts the demo store's latest year only (from both
/// sides); hubs, frequency and isochrones run on a store of hubs and GTFS alone; coverage takes its residents from
/// town blocks by areal weighting when there are no households, as PostGIS ST_Area(ST_Intersection(…)) gives.
/// </summary>
public sealed class StoreShapeTests : IDisposable
{
    private readonly VacantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Coverage_of_the_demo_store_counts_the_740000_persons_of_the_latest_year_from_both_sides()
    {
        // The demo store holds 740,000 residents in 2015 and in 2023 (geodata/README.md): coverage is of one year.
        var cli = JsonNode.Parse(Run("coverage", "--data", DemoDatabase.Store, "--format", "json"))!;
        Assert.Equal(740_000, (double)cli["persons"]!);
        Assert.Equal(2023, (int)cli["year"]!);
        await using var server = await ParityServer.StartAsync(City.Open(new FileStoreSource(DemoDatabase.Store, PlaneProjection.Kumamoto)));
        var (status, api) = await server.GetAsync("/api/coverage");
        Assert.Equal(200, status);
        Json.AssertSame(cli, api, "coverage");
    }

    [Fact]
    public void Hubs_frequency_and_isochrones_run_on_a_store_of_hubs_and_gtfs_alone()
    {
        _store.AddTram();
        foreach (var layer in new[] { "inducement_area", "zones", "households", "vacant_houses" })
        {
            File.Delete(Path.Combine(_store.Dir, layer + ".geojson"));
        }

        // The tram: S1 at (90, 60), 10 m from the regional hub r1 at (100, 50); S2 at (3000, 60), 10 m from the central hub c.
        var hubs = JsonNode.Parse(Run("hubs", "--data", _store.Dir, "--format", "json"))!;
        Assert.Equal(2, hubs["pairs"]!.AsArray().Count);
        var frequency = JsonNode.Parse(Run("frequency", "--data", _store.Dir, "--format", "json"))!;
        Assert.Equal(13, (int)frequency["stops"]![0]!["departures_per_day"]!); // 07:00 … 09:00 every 10 minutes
        var isochrone = JsonNode.Parse(Run("isochrone", "--data", _store.Dir, "--hub", "r1", "--shape", "bands"))!;
        Assert.Equal("FeatureCollection", (string?)isochrone["type"]);
        Assert.Equal(4, isochrone["features"]!.AsArray().Count);

        var density = CliRun.Run("density", "--data", _store.Dir);
        Assert.Equal(2, density.ExitCode);
        Assert.Contains("inducement area", density.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_on_town_blocks_alone_counts_their_latest_year_total()
    {
        _store.AddTram();
        File.Delete(Path.Combine(_store.Dir, "households.geojson"));
        WriteBlocks();
        var coverage = JsonNode.Parse(Run("coverage", "--data", _store.Dir, "--format", "json"))!;
        Assert.Equal("town_blocks", (string?)coverage["population_source"]);
        Assert.Equal(2020, (int)coverage["year"]!);
        Assert.Equal(150, (double)coverage["persons"]!); // 2020: 90 + 60 (the 2010 rows are another year)
        // Rail stop S1 at (90, 60) covers both blocks within 800 m entirely: every person is covered.
        Assert.Equal(150, (double)coverage["covered_persons"]!, 6);
    }

    [DatabaseFact]
    public void Areal_coverage_equals_the_postgis_area_of_the_blocks_inside_the_union_of_the_catchments()
    {
        _store.AddTram();
        File.Delete(Path.Combine(_store.Dir, "households.geojson"));
        WriteBlocks();
        // A 50 m rail radius cuts the blocks: b1 (0..100 × 0..100) and b2 (100..250) against a circle around S1 (90, 60).
        var coverage = JsonNode.Parse(Run("coverage", "--data", _store.Dir, "--format", "json", "--rail-radius", "50"))!;
        var expected = Oracle(50);
        Assert.Equal(expected.Covered, (double)coverage["covered_persons"]!, 2);
        Assert.Equal(expected.Inside, (double)coverage["inducement_persons"]!, 2);
        Assert.Equal(expected.CoveredInside, (double)coverage["covered_inducement_persons"]!, 2);
    }

    [DatabaseFact]
    public void Areal_coverage_of_the_65plus_equals_the_postgis_areas_weighted_by_their_numbers()
    {
        // The same blocks with 30 and 12 residents aged 65+ (b1, b2): the same area shares, weighted by 30 and 12.
        _store.AddTram();
        File.Delete(Path.Combine(_store.Dir, "households.geojson"));
        _store.WriteFile("town_blocks.geojson", VacantStore.Collection(
            VacantStore.Feature(VacantStore.Rect(0, 0, 100, 100), "{\"code\":\"b1\",\"name\":\"一丁目\",\"persons\":90,\"year\":2020,\"persons_65plus\":30}"),
            VacantStore.Feature(VacantStore.Rect(100, 0, 150, 100), "{\"code\":\"b2\",\"name\":\"二丁目\",\"persons\":60,\"year\":2020,\"persons_65plus\":12}")));
        var coverage = JsonNode.Parse(Run("coverage", "--data", _store.Dir, "--format", "json", "--rail-radius", "50"))!;
        var expected = Oracle(50, [30, 12]);
        var old = coverage["aged_65plus"]!;
        Assert.Equal(42, (double)old["persons"]!, 6);
        Assert.Equal(expected.Covered, (double)old["covered_persons"]!, 2);
        Assert.Equal(expected.Inside, (double)old["inducement_persons"]!, 2);
        Assert.Equal(Math.Round(expected.CoveredInside / expected.Inside, 4), (double)old["share_of_inducement_area"]!, 4);
        Assert.Null(coverage["aged_0_14"]);
    }

    /// <summary>PostGIS's answer: Σ persons × ST_Area(ST_Intersection(block, catchment)) / ST_Area(block) in EPSG:6670.</summary>
    private static (double Covered, double Inside, double CoveredInside) Oracle(double radius, int[]? persons = null)
    {
        var (sLon, sLat) = VacantStore.LonLat(90, 60);
        persons ??= [90, 60];
        var blocks = new[] { (Rect: (0.0, 0.0, 100.0, 100.0), Persons: persons[0]), (Rect: (100.0, 0.0, 150.0, 100.0), Persons: persons[1]) };
        string Poly((double X, double Y, double W, double H) r)
        {
            var pts = new[] { (r.X, r.Y), (r.X + r.W, r.Y), (r.X + r.W, r.Y + r.H), (r.X, r.Y + r.H), (r.X, r.Y) }.Select(p => VacantStore.LonLat(p.Item1, p.Item2));
            return "POLYGON((" + string.Join(",", pts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lon:R} {p.Lat:R}"))) + "))";
        }

        var area = Poly((0, 0, 200, 100));
        using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("SOUSEI_TEST_DB"));
        c.Open();
        double covered = 0, inside = 0, coveredInside = 0;
        foreach (var (rect, count) in blocks)
        {
            using var cmd = new NpgsqlCommand("""
                WITH g AS (SELECT ST_Transform(ST_GeomFromText($1, 4326), 6670) AS block,
                                  ST_Buffer(ST_Transform(ST_SetSRID(ST_MakePoint($2, $3), 4326), 6670), $4, 8) AS catchment,
                                  ST_Transform(ST_GeomFromText($5, 4326), 6670) AS area)
                SELECT ST_Area(ST_Intersection(block, catchment)) / ST_Area(block),
                       ST_Area(ST_Intersection(block, area)) / ST_Area(block),
                       ST_Area(ST_Intersection(ST_Intersection(block, area), catchment)) / ST_Area(block) FROM g
                """, c);
            cmd.Parameters.AddWithValue(Poly(rect));
            cmd.Parameters.AddWithValue(sLon);
            cmd.Parameters.AddWithValue(sLat);
            cmd.Parameters.AddWithValue(radius);
            cmd.Parameters.AddWithValue(area);
            using var r = cmd.ExecuteReader();
            r.Read();
            covered += count * r.GetDouble(0);
            inside += count * r.GetDouble(1);
            coveredInside += count * r.GetDouble(2);
        }

        return (covered, inside, coveredInside);
    }

    private void WriteBlocks() => _store.WriteFile("town_blocks.geojson", VacantStore.Collection(
        VacantStore.Feature(VacantStore.Rect(0, 0, 100, 100), "{\"code\":\"b1\",\"name\":\"一丁目\",\"persons\":90,\"year\":2020}"),
        VacantStore.Feature(VacantStore.Rect(100, 0, 150, 100), "{\"code\":\"b2\",\"name\":\"二丁目\",\"persons\":60,\"year\":2020}"),
        VacantStore.Feature(VacantStore.Rect(0, 0, 100, 100), "{\"code\":\"b1\",\"name\":\"一丁目\",\"persons\":70,\"year\":2010}")));

    private static string Run(params string[] args)
    {
        var r = CliRun.Run(args);
        Assert.True(r.ExitCode == 0, $"sousei {string.Join(' ', args)}: {r.Error}");
        return r.Out;
    }
}
