using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class CoverageForUnitsTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>A unit square drawn in plane metres relative to FeedBuilder's base, in longitude/latitude.</summary>
    private static TownBlock Unit(string code, double x0, double y0, double size, int persons, int? young = null, int? old = null) =>
        new(code, code, Rectangle(x0, y0, x0 + size, y0 + size), persons, 2020, young, old);

    private static Polygon Rectangle(double x0, double y0, double x1, double y1) =>
        LonLat.CreatePolygon(new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }
            .Select(p => FeedBuilder.Point(p.Item1, p.Item2)).Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray());

    /// <summary>A quarter of the 32-gon of radius 100 m over the 200 m unit: the covered share of a unit with its corner on R.</summary>
    private static readonly double QuarterShare = 16 * 100.0 * 100.0 * Math.Sin(11.25 * Math.PI / 180) / 4 / 40_000;

    /// <summary>A rail stop R at the origin (one departure makes a rail stop frequent) and its terminus 5 km east.</summary>
    private static TransitNetwork RailAtOrigin() => new FeedBuilder()
        .Stop("R", 0, 0).Stop("R2", 5000, 0)
        .TripWithTimes("rail", "r1", [new("t:R", 1, 25200, 25200, 0, 0), new("t:R2", 2, 25800, 25800, 0, 0)], routeType: 2)
        .Network();

    [Fact]
    public void A_unit_at_a_rail_stop_is_covered_by_the_share_of_its_area_inside_the_circle()
    {
        // Unit 200 m × 200 m with its corner on R; rail radius 100 m. The catchment is a 32-gon (8 segments per quarter,
        // as PostGIS ST_Buffer): area 16 r² sin(11.25°) = 31,214.45 m², a quarter of it inside the unit: 7,803.61 m²,
        // share 7,803.61 / 40,000 = 0.195090; 100 persons → 19.509 covered. A second unit 1 km away is not covered.
        var units = new[] { Unit("a", 0, 0, 200, 100), Unit("b", 1000, 0, 200, 50) };
        var result = TransitCoverage.ComputeForUnits(RailAtOrigin(), units, null, new CoverageOptions { RailRadiusMeters = 100 });
        var expected = 100 * 16 * 100.0 * 100.0 * Math.Sin(11.25 * Math.PI / 180) / 4 / 40_000;
        Assert.Equal(150, result.Persons, 9);
        Assert.Equal(expected, result.CoveredPersons, 3);
        Assert.Equal(expected / 150, result.ShareOfCity, 5);
        Assert.Null(result.ShareOfInducementArea);
        Assert.Equal((2, 0), (result.RailStops, result.QualifyingBusStops));
    }

    [Fact]
    public void Inside_the_inducement_area_counts_the_unit_share_inside_the_area_and_inside_both()
    {
        // Area = the west half of unit a (0..100 × 0..200): inside persons 50; covered inside: the part of the quarter
        // 32-gon with x ≤ 100 — all of it (radius 100) — so 19.509 again.
        var units = new[] { Unit("a", 0, 0, 200, 100) };
        var half = LonLat.CreatePolygon(new[] { (0.0, 0.0), (100.0, 0.0), (100.0, 200.0), (0.0, 200.0), (0.0, 0.0) }
            .Select(p => FeedBuilder.Point(p.Item1, p.Item2)).Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray());
        var result = TransitCoverage.ComputeForUnits(RailAtOrigin(), units, half, new CoverageOptions { RailRadiusMeters = 100 });
        var covered = 100 * 16 * 100.0 * 100.0 * Math.Sin(11.25 * Math.PI / 180) / 4 / 40_000;
        Assert.Equal(50, result.InducementPersons, 3);
        Assert.Equal(covered, result.CoveredInducementPersons, 3);
        Assert.Equal(covered / 50, result.ShareOfInducementArea!.Value, 4);
    }

    [Fact]
    public void Age_groups_and_zones_are_weighted_by_the_same_area_shares()
    {
        // a: 100 persons (0–14: 10, 65+: 40), corner on R; b: 50 persons (65+: 20, 0–14 unknown), 1 km away, not covered.
        // Zone W = the west half of a (x 0..100): 50 persons of a, its covered part is the whole quarter circle.
        var units = new[] { Unit("a", 0, 0, 200, 100, young: 10, old: 40), Unit("b", 1000, 0, 200, 50, old: 20) };
        var west = new Zone("w", "West", "ward", Rectangle(0, 0, 100, 200));
        var result = TransitCoverage.ComputeForUnits(RailAtOrigin(), units, null, new CoverageOptions { RailRadiusMeters = 100 }, [west]);
        Assert.Equal(60, result.Aged65Plus!.Persons, 6);
        Assert.Equal(40 * QuarterShare, result.Aged65Plus.CoveredPersons, 3);
        Assert.Equal(40 * QuarterShare / 60, result.Aged65Plus.ShareOfCity, 5);
        Assert.Equal(10, result.Aged0To14!.Persons, 6);
        Assert.Equal(10 * QuarterShare, result.Aged0To14.CoveredPersons, 3);

        var w = Assert.Single(result.Zones);
        Assert.Equal(("w", 50.0), (w.ZoneId, Math.Round(w.All.Persons, 3)));
        Assert.Equal(100 * QuarterShare, w.All.CoveredPersons, 3);
        Assert.Equal(20, w.Aged65Plus!.Persons, 3);
        Assert.Equal(40 * QuarterShare, w.Aged65Plus.CoveredPersons, 3);
        Assert.Equal(5, w.Aged0To14!.Persons, 3);
    }

    [Fact]
    public void Households_count_their_age_groups_where_known_and_per_zone()
    {
        // Rail stop R at the origin, 800 m. h1 (300, 0) 3 persons, 65+ 2; h2 (700, 0) 2 persons, 65+ 0, 0–14 1;
        // h3 (900, 0) 5 persons, 65+ 5; h4 (100, 0) 4 persons, ages unknown. Covered: h1, h2, h4. Zone E: x ≥ 500.
        (double, double) P(double x) => FeedBuilder.Point(x, 0);
        var households = new[]
        {
            new Household(P(300).Item1, P(300).Item2, 3, 2020, null, 2),
            new Household(P(700).Item1, P(700).Item2, 2, 2020, 1, 0),
            new Household(P(900).Item1, P(900).Item2, 5, 2020, null, 5),
            new Household(P(100).Item1, P(100).Item2, 4, 2020),
        };
        var east = new Zone("e", "East", "ward", Rectangle(500, -100, 2000, 100));
        var result = TransitCoverage.Compute(RailAtOrigin(), households, null, null, [east]);
        Assert.Equal((14.0, 9.0), (result.Persons, result.CoveredPersons));
        Assert.Equal(new CoverageCounts(7, 2, 0, 0), result.Aged65Plus);
        Assert.Equal(new CoverageCounts(1, 1, 0, 0), result.Aged0To14);
        var e = Assert.Single(result.Zones);
        Assert.Equal(new CoverageCounts(7, 2, 0, 0), e.All);
        Assert.Equal(new CoverageCounts(5, 0, 0, 0), e.Aged65Plus);
    }
}
