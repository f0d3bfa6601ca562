using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class CoverageForUnitsTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    /// <summary>A unit square drawn in plane metres relative to FeedBuilder's base, in longitude/latitude.</summary>
    private static TownBlock Unit(string code, double x0, double y0, double size, int persons) =>
        new(code, code, LonLat.CreatePolygon(new[] { (x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0) }
            .Select(p => FeedBuilder.Point(p.Item1, p.Item2)).Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray()), persons, 2020);

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
}
