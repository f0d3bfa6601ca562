using Sousei.Geo.Core.Density;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Core.Tests.Transit;

public class FrequentStopsTests
{
    /// <summary>
    /// Poles A1 and A2 「桜町」 0.3 m apart (one place to the metre): 20 + 12 departures in direction 0.
    /// Pole C 「桜町」 5 km away: 10 departures. Pole B: 29 departures in direction 0 and 29 in direction 1.
    /// Rail stop R: 1 departure to rail stop R2. Z: the terminus of every bus trip (no departure).
    /// </summary>
    private static TransitNetwork Network()
    {
        var b = new FeedBuilder()
            .Stop("A1", 0, 0, "桜町").Stop("A2", 0.3, 0, "桜町").Stop("B", 2000, 0).Stop("C", 5000, 0, "桜町").Stop("R", 8000, 0).Stop("R2", 8500, 0).Stop("Z", 9000, 0);
        var trip = 0;
        void Trips(string stop, int count, int? direction, string to = "Z", int routeType = 3)
        {
            for (var i = 0; i < count; i++, trip++)
            {
                var t = 25200 + 60 * trip;
                b.TripWithTimes(routeType == 3 ? "bus" : "rail", "x" + trip, [new("t:" + stop, 1, t, t, 0, 0), new("t:" + to, 2, t + 600, t + 600, 0, 0)], routeType, direction);
            }
        }

        Trips("A1", 20, 0);
        Trips("A2", 12, 0);
        Trips("B", 29, 0);
        Trips("B", 29, 1);
        Trips("C", 10, 0);
        Trips("R", 1, null, "R2", routeType: 2);
        return b.Network();
    }

    [Fact]
    public void Poles_of_one_place_add_their_departures_and_directions_do_not()
    {
        var network = Network();
        var departures = FrequentStops.DeparturesPerDay(network);
        var byId = network.Stops.ToDictionary(s => s.Id, s => departures[s.Index]);
        // A1, A2: 20 + 12 = 32. B: max(29, 29) = 29. C: 10 (same name, other place). R: 1. R2, Z: 0.
        Assert.Equal(new Dictionary<string, int> { ["t:A1"] = 32, ["t:A2"] = 32, ["t:B"] = 29, ["t:C"] = 10, ["t:R"] = 1, ["t:R2"] = 0, ["t:Z"] = 0 }, byId);
        // Frequent: A1, A2 (32 ≥ 30) and the rail stops R and R2 whatever their departures.
        Assert.Equal(["t:A1", "t:A2", "t:R", "t:R2"], FrequentStops.Find(network).Select(s => s.Id));
        Assert.Equal(["t:A1", "t:A2", "t:B", "t:R", "t:R2"], FrequentStops.Find(network, new CoverageOptions { MinBusDeparturesPerDay = 29 }).Select(s => s.Id));
    }

    [Fact]
    public void Coverage_and_vacant_inputs_use_the_same_frequent_stops()
    {
        var network = Network();
        var coverage = TransitCoverage.Compute(network, [], null);
        Assert.Equal((2, 2), (coverage.RailStops, coverage.QualifyingBusStops));
        var (inputs, _) = VacantTransitInputs.Build(network, [], []);
        var expected = FrequentStops.Find(network).Select(s => (s.Longitude, s.Latitude));
        Assert.Equal(expected, inputs.FrequentStops!);
    }
}
