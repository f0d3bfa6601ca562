using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Tests.Fixtures;
using Sousei.Geo.Core.Vacant;
using static Sousei.Geo.Core.Tests.Vacant.VacantFixture;

namespace Sousei.Geo.Core.Tests.Vacant;

public class VacantHouseMeasuresTests
{
    // Central hub at (400, 50), regional hub at (100, 50); one frequent stop at (100, 250). Area: 200 × 100 m from (0, 0).
    private static readonly Hub[] Hubs = [new("c", "Centre", HubKind.Central, At(400, 50)), new("r1", "Regional", HubKind.Regional, At(100, 50))];

    [Fact]
    public void Every_house_is_measured_demolished_ones_too_and_the_ranking_agrees()
    {
        VacantHouse[] houses = [House("in", 150, 50), House("out", 350, 50), House("gone", 100, 50, status: "demolished")];
        var stops = new[] { PlaneFixture.Point(100, 250) };
        var m = VacantHouseMeasures.MeasureAll(Study(West, East), houses, Hubs, stops);

        // "in" (150, 50): inside, zone east; regional hub 50 m (also the nearest of all); stop √(50² + 200²) = 206.155 m.
        Assert.Equal(["in", "out", "gone"], m.Select(x => x.Site.Id));
        Assert.True(m[0].Site.InsideInducementArea);
        Assert.Equal(["east"], m[0].Site.ZoneIds);
        Assert.Equal(("r1", "r1"), (m[0].NearestHubId, m[0].NearestRegionalHubId));
        Assert.Equal(50, m[0].DistanceToNearestHubMeters!.Value, 3);
        Assert.Equal(Math.Sqrt(50 * 50 + 200 * 200), m[0].DistanceToFrequentStopMeters!.Value, 3);

        // "out" (350, 50): outside the area and every zone; central hub 50 m away, regional 250 m.
        Assert.False(m[1].Site.InsideInducementArea);
        Assert.Empty(m[1].Site.ZoneIds);
        Assert.Equal(("c", 50.0), (m[1].NearestHubId, Math.Round(m[1].DistanceToNearestHubMeters!.Value, 3)));
        Assert.Equal(250, m[1].DistanceToRegionalHubMeters!.Value, 3);

        // The demolished house is measured (not ranked); without a stop list there is no stop distance.
        Assert.Equal(0, m[2].DistanceToNearestHubMeters!.Value, 3);
        Assert.Null(VacantHouseMeasures.MeasureAll(Study(), houses, Hubs, null)[0].DistanceToFrequentStopMeters);

        var ranked = VacantHouseRanking.Rank(Study(West, East), houses, Hubs, null, new VacantRankingInputs { FrequentStops = stops });
        foreach (var h in ranked.Houses)
        {
            var x = m.Single(v => v.Site.Id == h.Id);
            Assert.Equal((x.NearestHubId, x.DistanceToNearestHubMeters, x.NearestRegionalHubId, x.DistanceToRegionalHubMeters, x.DistanceToFrequentStopMeters),
                (h.NearestHubId, h.DistanceToNearestHubMeters, h.NearestRegionalHubId, h.DistanceToRegionalHubMeters, h.DistanceToFrequentStopMeters));
        }
    }
}
