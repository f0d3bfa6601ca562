using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Tests.Fixtures;
using Sousei.Geo.Core.Vacant;
using static Sousei.Geo.Core.Tests.Vacant.VacantFixture;

namespace Sousei.Geo.Core.Tests.Vacant;

public class VacantHouseRankingTests
{
    // A regional hub at (100, 50), inside the 2 ha area; a central hub far away at (5000, 0); one frequent stop at (100, 250).
    private static readonly Hub[] Hubs = [new("r1", "Regional", HubKind.Regional, At(100, 50)), new("c", "Centre", HubKind.Central, At(5000, 0))];

    private static readonly VacantRankingInputs Stops = new() { FrequentStops = [PlaneFixture.Point(100, 250)] };

    private static VacantHouse[] Houses() =>
    [
        House("C", 400, 50, "low", "high", 240),
        House("b-2", 150, 50, "medium", "medium", 60),
        House("A", 100, 50, "low", "high", 120),
        House("b-1", 150, 50, "medium", "medium", 60),
        House("gone", 100, 50, status: "demolished"),
    ];

    [Fact]
    public void Ranking_follows_the_weighted_terms_with_ties_broken_by_id()
    {
        var r = VacantHouseRanking.Rank(Study(), Houses(), Hubs, null, Stops);

        // No transit input: weights used are inside 30 + hub 10 + stop 15 + decay 10 + likelihood 10 + floor 5 = 80.
        // A at the hub: every term 1 → 100.
        // b-1/b-2 at (150, 50): inside 1; hub 50 m → 1 − 50/2000 = 0.975; stop √(50² + 200²) = 206 m ≤ 300 → 1;
        //   decay medium 0.5; likelihood medium 0.5; floor 60/120 = 0.5.
        //   (30 + 9.75 + 15 + 5 + 5 + 2.5) / 80 × 100 = 67.25 / 80 × 100 = 84.0625; tie → b-1 before b-2.
        // C at (400, 50), outside: inside 0; hub 300 m → 0.85; stop √(300² + 200²) = 361 m → 0; decay 1; likelihood 1;
        //   floor 240/120 clamped to 1. (0 + 8.5 + 0 + 10 + 10 + 5) / 80 × 100 = 41.875.
        Assert.Equal(["A", "b-1", "b-2", "C"], r.Houses.Select(h => h.Id));
        Assert.Equal([1, 2, 3, 4], r.Houses.Select(h => h.Rank));
        Assert.Equal(100, r.Houses[0].Score, 6);
        Assert.Equal(84.0625, r.Houses[1].Score, 6);
        Assert.Equal(84.0625, r.Houses[2].Score, 6);
        Assert.Equal(41.875, r.Houses[3].Score, 6);
        Assert.Equal(300, r.Houses[3].DistanceToRegionalHubMeters!.Value, 3);
        Assert.Equal("r1", r.Houses[3].NearestRegionalHubId);
        Assert.False(r.Houses[3].FrequentStopNearby);
        Assert.Equal(["gone"], r.NotRankedIds);
        Assert.Contains(r.TermsLeftOut, t => t.StartsWith("transit", StringComparison.Ordinal));
    }

    [Fact]
    public void Transit_minutes_enter_as_one_minus_minutes_over_60_and_no_journey_scores_zero()
    {
        var inputs = Stops with { MinutesToCentralHub = (lon, lat) => lon > PlaneFixture.Point(120, 0).Lon ? null : 15 };
        var r = VacantHouseRanking.Rank(Study(), Houses(), Hubs, null, inputs);

        // Now transit (20) joins: total weight 100. A: 15 min → 0.75 → (80 + 15) / 100 × 100 = 95.
        // b-1 (east of x = 120, no journey → 0): (67.25 + 0) / 100 × 100 = 67.25.
        Assert.Equal(95, r.Houses.Single(h => h.Id == "A").Score, 6);
        Assert.Equal(67.25, r.Houses.Single(h => h.Id == "b-1").Score, 6);
        Assert.Null(r.Houses.Single(h => h.Id == "b-1").MinutesToCentralHub);
        Assert.Empty(r.TermsLeftOut);
    }

    [Fact]
    public void Without_regional_hubs_or_stops_those_terms_are_left_out()
    {
        var r = VacantHouseRanking.Rank(Study(), [House("A", 100, 50, "high", "low", null)], [], new VacantRankingWeights());

        // inside 30 × 1 + decay 10 × 0 + likelihood 10 × 0 + floor unknown 5 × 0.5 = 32.5 over 55 → 59.090909.
        Assert.Equal(32.5 / 55 * 100, r.Houses[0].Score, 5);
        Assert.Equal(["inside", "decay", "likelihood", "floor_area"], r.TermsUsed);
        Assert.Null(r.Houses[0].Terms.HubDistance);
    }

    [Fact]
    public void Weights_are_set_by_name_and_bad_ones_are_rejected()
    {
        var w = new VacantRankingWeights().With("inside", 0).With("floor_area", 50);
        Assert.Equal(0, w.Inside);
        Assert.Equal(50, w.FloorArea);
        Assert.Throws<ArgumentException>(() => w.With("colour", 1));
        Assert.Throws<ArgumentException>(() => w.With("inside", -1));
        Assert.Throws<ArgumentException>(() => VacantHouseRanking.Rank(Study(), [], [], new VacantRankingWeights { TransitMinutesScale = 0 }));
    }

    [Fact]
    public void Filter_language_selects_houses_and_names_unknown_keys()
    {
        var r = VacantHouseRanking.Rank(Study(), Houses(), Hubs, null, Stops);
        var f = VacantHouseFilter.Parse("inside=true,decay_rank=low|medium,max_hub_distance_m=60");
        Assert.Equal(["A", "b-1", "b-2"], r.Houses.Where(f.Matches).Select(h => h.Id));
        Assert.Equal(["A"], r.Houses.Where(VacantHouseFilter.Parse("vacancy_likelihood=高,min_floor_area_m2=100,inside=true").Matches).Select(h => h.Id));
        Assert.Equal(["C"], r.Houses.Where(VacantHouseFilter.Parse("inside=false").Matches).Select(h => h.Id));
        // Floor areas C 240, A 120, b-1/b-2 60, all built in 1980: a range is two inclusive bounds.
        Assert.Equal(["A"], r.Houses.Where(VacantHouseFilter.Parse("min_floor_area_m2=61,max_floor_area_m2=120").Matches).Select(h => h.Id));
        Assert.Equal(4, r.Houses.Count(VacantHouseFilter.Parse("min_built_year=1980,max_built_year=1980").Matches));
        Assert.DoesNotContain(r.Houses, VacantHouseFilter.Parse("min_built_year=1981").Matches);

        // 30 different unknown keys and the same one 10 times: the first 20 distinct problems, each once, and a count of the rest.
        var many = Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse(string.Join(",", Enumerable.Range(0, 30).Select(i => $"k{i}=1").Concat(Enumerable.Repeat("k0=1", 10)))));
        Assert.Equal(20, many.Message.Split("unknown filter key").Length - 1);
        Assert.Contains("; and 10 more", many.Message, StringComparison.Ordinal);

        var e = Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse("inside=true,colour=red"));
        Assert.Contains("unknown filter key 'colour'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse("inside=maybe"));
        Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse("decay_rank=rotten"));
        Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse("zone=nowhere", ["west"]));
        Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse(""));
        Assert.Throws<ArgumentException>(() => VacantHouseFilter.Parse("max_hub_distance_m=-5"));
    }

    [Fact]
    public void Weights_parse_from_name_number_pairs_and_name_what_is_wrong()
    {
        Assert.Equal(new VacantRankingWeights { Inside = 40, Transit = 0 }, VacantRankingWeights.Parse(" inside=40, transit=0 "));
        Assert.Equal(new VacantRankingWeights(), VacantRankingWeights.Parse(null));
        Assert.Contains("'inside' is not name=number", Assert.Throws<ArgumentException>(() => VacantRankingWeights.Parse("inside")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown weight 'colour'", Assert.Throws<ArgumentException>(() => VacantRankingWeights.Parse("colour=3")).Message, StringComparison.Ordinal);
        Assert.Contains("must be a finite number", Assert.Throws<ArgumentException>(() => VacantRankingWeights.Parse("inside=-1")).Message, StringComparison.Ordinal);
        Assert.Contains("weight 'transit' given more than once", Assert.Throws<ArgumentException>(() => VacantRankingWeights.Parse("transit=1,inside=2,transit=2")).Message, StringComparison.Ordinal);
        // 1e308 is finite, but two of them sum to infinity, which would make every score 0.
        Assert.Contains("add up to more than a number can hold", Assert.Throws<ArgumentException>(() => VacantRankingWeights.Parse("inside=1e308,transit=1e308")).Message, StringComparison.Ordinal);
    }
}
