using Sousei.Geo.Analysis.Sources;
using Sousei.Geo.Analysis.Tests.Fixtures;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Vacant;

namespace Sousei.Geo.Analysis.Tests.Vacant;

/// <summary>The city's vacant-house fields (export, OGC, tiles) against the Core ranking on the embedded demo data (geodata/kumamoto).</summary>
public sealed class VacantHouseRecordTests
{
    private static readonly Lazy<City> Demo = new(() => City.Open(new FileStoreSource(RepoPaths.Demo, PlaneProjection.Kumamoto)));

    [Fact]
    public void Distance_to_frequent_stop_equals_the_core_ranking_on_the_demo_data()
    {
        var data = Demo.Value;
        var transit = Assert.IsType<TransitDay>(data.DefaultTransit);
        var network = transit.Network;
        Assert.Equal(FrequentStops.Find(network).Select(s => s.Id), transit.FrequentStops.Select(s => s.Id));
        Assert.NotEmpty(transit.FrequentStops);

        var inputs = new VacantRankingInputs { FrequentStops = FrequentStops.Find(network).Select(s => (s.Longitude, s.Latitude)).ToList() };
        var ranked = VacantHouseRanking.Rank(data.Study, data.Dataset.VacantHouses, data.Dataset.Hubs, null, inputs).Houses;
        Assert.NotEmpty(ranked);
        var records = data.VacantHouses.ToDictionary(r => r.House.Id, StringComparer.Ordinal);
        foreach (var h in ranked)
        {
            var r = records[h.Id];
            Assert.Equal(Math.Round(h.DistanceToFrequentStopMeters!.Value, 1), r.DistanceToFrequentStopMeters);
            Assert.Equal(Math.Round(h.DistanceToNearestHubMeters!.Value, 1), r.DistanceToNearestHubMeters);
            Assert.Equal(h.NearestHubId, r.NearestHub);
            Assert.Equal(h.Site.InsideInducementArea, r.InsideInducementArea);
            Assert.Equal(h.Site.ZoneIds, r.ZoneIds);
        }
    }

    [Fact]
    public void Frequent_stops_of_the_demo_data_are_rail_or_have_30_departures_in_one_direction()
    {
        // Brute force over StopFrequency rows: every frequent stop is rail or has a place (name, metre) with ≥ 30 departures in one direction.
        var transit = Demo.Value.DefaultTransit!;
        var network = transit.Network;
        var perPlace = StopFrequency.Compute(network)
            .Select(r => (Row: r, Stop: network.Stops.First(s => s.Id == r.StopId)))
            .GroupBy(x => (x.Stop.Name, Math.Round(x.Stop.X), Math.Round(x.Stop.Y), x.Row.DirectionId))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Row.DeparturesPerDay));
        var expected = network.Stops
            .Where(s => s.IsRail || perPlace.Any(p => p.Key.Name == s.Name && p.Key.Item2 == Math.Round(s.X) && p.Key.Item3 == Math.Round(s.Y) && p.Value >= 30))
            .Select(s => s.Id);
        Assert.Equal(expected, transit.FrequentStops.Select(s => s.Id));
    }
}
