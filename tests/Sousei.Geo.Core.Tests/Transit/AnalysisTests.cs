using NetTopologySuite.Geometries;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Core.Tests.Transit;

public class AnalysisTests
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);

    private static Hub HubAt(string id, string kind, double x, double y)
    {
        var (lon, lat) = FeedBuilder.Point(x, y);
        return new Hub(id, id.ToUpperInvariant(), kind == "central" ? HubKind.Central : HubKind.Regional, LonLat.CreatePoint(new Coordinate(lon, lat)));
    }

    private static Household HouseholdAt(double x, double y, int persons)
    {
        var (lon, lat) = FeedBuilder.Point(x, y);
        return new Household(lon, lat, persons, 2025);
    }

    private static FeedBuilder TwoLines() => new FeedBuilder()
        .Stop("A", 239, 0).Stop("B", 5000, 0).Stop("C", 5000, 159).Stop("D", 10000, 159)
        .Trip("L1", "l1", ("A", "07:05"), ("B", "07:20"))
        .Trip("L2", "l2a", ("C", "07:21"), ("D", "07:36"))
        .Trip("L2", "l2b", ("C", "07:30"), ("D", "07:45"));

    private static TransitOptions FourMinutes => new() { WindowStartSeconds = 7 * 3600, WindowEndSeconds = 7 * 3600 + 240 };

    [Fact]
    public void Departures_count_boardable_calls_that_are_not_last()
    {
        // A: l1 departs once; C: l2a and l2b; B and D only end trips.
        var rows = StopFrequency.Compute(TwoLines().Network()).ToDictionary(r => r.StopId, r => r.DeparturesPerDay);
        Assert.Equal(new Dictionary<string, int> { ["t:A"] = 1, ["t:C"] = 2 }, rows);
    }

    [Fact]
    public void Hub_matrix_of_the_two_line_example()
    {
        // From hub o (0,0) to hub d (10000, 558): 50, 49, 48, ∞ minutes (see TransitRouterTests) → p50 = 49, share within 60 = 3/4.
        // No trip serves both hubs' stops, so direct trips are 0; hub o is served by l1 (1 trip, 1 route) within 800 m.
        var hubs = new[] { HubAt("o", "central", 0, 0), HubAt("d", "regional", 10000, 558) };
        var result = HubConnectivity.Compute(TwoLines().Network(), hubs, FourMinutes);
        var od = result.Pairs.Single(p => p.From == "o" && p.To == "d");
        Assert.Equal(49, od.TravelMinutes[50]);
        Assert.Equal(48, od.TravelMinutes[10]);
        Assert.Null(od.TravelMinutes[90]);
        Assert.Equal(0.75, od.ShareWithin60);
        Assert.Equal(0, od.ShareWithin30);
        Assert.Equal(0, od.DirectTripsPerDay);
        Assert.Equal(2, result.Pairs.Count);
        var o = result.Hubs.Single(h => h.Id == "o");
        Assert.Equal((1, 1, 0.0), (o.TripsPerDay, o.Routes, o.MinutesToCentral!.Value));
        Assert.Null(result.Hubs.Single(h => h.Id == "d").MinutesToCentral);
        Assert.Equal("07:00-07:04", result.Window);
    }

    [Fact]
    public void Direct_trips_count_trips_boarding_near_one_hub_and_alighting_near_the_other()
    {
        // Two trips run A → B; a hub near A and one near B: 2 direct trips one way, 0 the other way.
        var builder = new FeedBuilder().Stop("A", 239, 0).Stop("B", 5000, 0)
            .Trip("L1", "x", ("A", "07:05"), ("B", "07:20"))
            .Trip("L1", "y", ("A", "08:05"), ("B", "08:20"));
        var hubs = new[] { HubAt("a", "central", 0, 0), HubAt("b", "regional", 5000, 399) };
        var result = HubConnectivity.Compute(builder.Network(), hubs, FourMinutes);
        Assert.Equal(2, result.Pairs.Single(p => p.From == "a").DirectTripsPerDay);
        Assert.Equal(0, result.Pairs.Single(p => p.From == "b").DirectTripsPerDay);
    }

    [Fact]
    public void Coverage_counts_each_household_once()
    {
        // Rail stop R (0, 0): 800 m. Bus stop F (700, 0) with 30 departures (l0..l29 F → G): 300 m. Bus stop G: 0 departures.
        // Household 1 (600, 0): 600 m from R and 100 m from F, 3 persons, in both catchments, counted once.
        // Household 2 (999, 0): 299 m from F, 999 m from R, 2 persons: covered. Household 3 (1050, 0): 350 m from F, 5 persons: not. 5 of 10.
        var b = new FeedBuilder().Stop("R", 0, 0).Stop("R2", 3000, 0).Stop("F", 700, 0).Stop("G", 4000, 0);
        b.TripWithTimes("rail", "r", [new("t:R", 1, 25200, 25200, 0, 0), new("t:R2", 2, 25500, 25500, 0, 0)], routeType: 2);
        for (var i = 0; i < 30; i++)
        {
            b.TripWithTimes("bus", "l" + i, [new("t:F", 1, 25200 + 60 * i, 25200 + 60 * i, 0, 0), new("t:G", 2, 26000 + 60 * i, 26000 + 60 * i, 0, 0)]);
        }

        var households = new[] { HouseholdAt(600, 0, 3), HouseholdAt(999, 0, 2), HouseholdAt(1050, 0, 5) };
        var result = TransitCoverage.Compute(b.Network(), households, null);
        Assert.Equal((10L, 5L, 0.5), (result.Persons, result.CoveredPersons, result.ShareOfCity));
        Assert.Equal((2, 1), (result.RailStops, result.QualifyingBusStops));
        Assert.Null(result.ShareOfInducementArea);
        var stricter = TransitCoverage.Compute(b.Network(), households, null, new CoverageOptions { MinBusDeparturesPerDay = 31 });
        Assert.Equal(3, stricter.CoveredPersons);
    }

    [Fact]
    public void Centre_accessibility_of_a_household_equals_the_router_median()
    {
        // Household at the origin of the two-line example, central hub at its destination: median 49 min → within 60 but not 45.
        var central = HubAt("c", "central", 10000, 558);
        var households = new[] { HouseholdAt(0, 0, 4), HouseholdAt(10000, 319, 1) };
        var result = CentreAccessibility.Compute(TwoLines().Network(), central, households, [], FourMinutes, cellSizeMeters: 0);
        Assert.Equal(49f, result.HouseholdMedianMinutes[0], 3);
        Assert.Equal(3f, result.HouseholdMedianMinutes[1], 3); // 239 m from the hub: a 3-minute walk
        Assert.Equal((5L, 1L, 1L), (result.All.Persons, result.All.PersonsWithin30, result.All.PersonsWithin45));
    }

    [Fact]
    public void Isochrone_grid_cells_hold_the_median_minutes_to_their_centres()
    {
        // 500 m cells aligned on the plane origin (FeedBuilder's base is a multiple of 500). Departures 07:00–07:03.
        // Cell (0,0), centre (250,250): direct walk 353.6 m at 80 m/min = ceil(265.2 s) = 266 s → 4.43 min every minute.
        // Cell (10,0), centre (5250,250): walk 239 m to A (180 s), L1 07:05 → B 07:20, walk 353.6 m (266 s): arrival
        // 07:24:26 = 1466 s; departures 0/60/120 s give 1466/1406/1346 s, at 180 s A is missed (07:06) → median
        // (nearest rank 2 of 4) 1406 s = 23.43 min. Cell (20,0), centre (10250,250): B, walk 159 m to C (120 s) at 07:22,
        // L2b 07:30 → D 07:45, walk 266 m (200 s): 2900 − t → median 2840 s = 47.33 min.
        var grid = Isochrone.Compute(TwoLines().Network(), FeedBuilder.Point(0, 0), FourMinutes, 500, 60);
        var baseColumn = (long)(FeedBuilder.BaseX / 500);
        var baseRow = (long)(FeedBuilder.BaseY / 500);
        var cells = grid.Cells.ToDictionary(c => (c.Column - baseColumn, c.Row - baseRow), c => c.MedianMinutes);
        Assert.Equal(266 / 60.0, cells[(0, 0)], 9);
        Assert.Equal(1406 / 60.0, cells[(10, 0)], 9);
        Assert.Equal(2840 / 60.0, cells[(20, 0)], 9);
        Assert.DoesNotContain((15, 0), cells.Keys); // 2,500 m from every stop: unreachable
    }

    [Fact]
    public void Isochrone_bands_are_unions_of_the_cells_within_the_limit()
    {
        // Band 10: the 12 cells whose centres lie within 800 m of the origin (a cell corner): walks of at most 10 min.
        // Band 30 adds the 12 cells around B (also a corner), reached at 1140 s + walk ≤ 1740 s; D's cells need ≥ 44 min.
        // Areas: 12 × 25 ha = 300 ha and 24 × 25 ha = 600 ha. Stops reached by vehicle within the limit: none, then B (19 min).
        var grid = Isochrone.Compute(TwoLines().Network(), FeedBuilder.Point(0, 0), FourMinutes, 500, 60);
        var bands = Isochrone.Bands(grid, [10, 30]);
        Assert.Equal((300.0, 0), (bands[0].AreaHectares, bands[0].StopsReached));
        Assert.Equal((600.0, 1), (bands[1].AreaHectares, bands[1].StopsReached));
        Assert.Equal(4326, bands[1].Area.SRID);
        Assert.Equal(2, bands[1].Area.NumGeometries); // two separate islands
        Assert.InRange(FeedBuilder.Projection.Project(bands[1].Area).Area / 10_000, 599.9, 600.1);
    }
}
