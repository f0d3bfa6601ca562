using System.Globalization;
using System.Text.Json;
using Sousei.Geo.Core.Scenarios;
using Sousei.Geo.Core.Validation;
using Sousei.Geo.IO.Gtfs;
using Sousei.Geo.IO.Scenarios;
using Sousei.Geo.IO.Tests.Gtfs;

namespace Sousei.Geo.IO.Tests.Scenarios;

/// <summary>
/// The shipped <c>geodata/scenarios/kumamoto-missing-lines.json</c> (docs/scenarios.md, "Kumamoto's missing lines"):
/// it validates against the published schema, reads without problems, applies to the five real feeds, and every new
/// stop sits exactly at the station or 九州産交バス stop it is named after.
/// </summary>
public sealed class KumamotoMissingLinesTests
{
    private static readonly DateOnly Day = new(2026, 5, 12);

    private static string ScenarioPath => Path.Combine(RealData.Repository, "geodata", "scenarios", "kumamoto-missing-lines.json");

    private static TransitScenario Read()
    {
        var problems = new ProblemCollector();
        var scenario = ScenarioReader.Read(File.ReadAllBytes(ScenarioPath), Path.GetFileName(ScenarioPath), problems);
        Assert.True(problems.Problems.Count == 0, string.Join("\n", problems.Problems));
        return scenario!;
    }

    [Fact]
    public void The_shipped_file_validates_against_the_published_schema_and_reads_five_all_day_lines_both_ways()
    {
        using (var doc = JsonDocument.Parse(File.ReadAllText(ScenarioPath)))
        {
            Assert.True(ScenarioSchema.Published.Evaluate(doc.RootElement).IsValid);
        }

        var lines = Read().Modifications.Select(m => Assert.IsType<AddLine>(m)).ToList();
        Assert.Equal(["jr-kagoshima", "jr-hohi", "sanko-route3-ueki", "sanko-nishizato", "sanko-kojima-joyama"], lines.Select(l => l.Id));
        Assert.Equal([LineMode.Rail, LineMode.Rail, LineMode.Bus, LineMode.Bus, LineMode.Bus], lines.Select(l => l.Mode));
        foreach (var line in lines)
        {
            Assert.True(line.Bidirectional, line.Id);
            Assert.Equal(ScenarioDays.All.DayMask, line.Days.DayMask);
            // All day: the first departure by 06:00, the last window open until 21:00 or later, windows end to end.
            Assert.True(line.Service[0].FromSeconds <= 6 * 3600, line.Id);
            Assert.True(line.Service[^1].ToSeconds >= 21 * 3600, line.Id);
            Assert.All(line.Service.Zip(line.Service.Skip(1)), w => Assert.Equal(w.First.ToSeconds, w.Second.FromSeconds));
            Assert.All(line.Stops, s => Assert.False(s.IsExisting));
        }
    }

    [RealDataFact]
    public void The_shipped_file_checks_against_the_five_real_feeds_and_adds_the_documented_trips()
    {
        var gtfs = GtfsReader.ReadFeeds(RealData.FiveFeeds, Day);
        Assert.Empty(gtfs.Problems);
        var scenario = Read();
        Assert.Empty(ScenarioEditor.Check(gtfs.Feeds, scenario));

        // Departures a day each way (docs/scenarios.md), twice for both directions:
        // 鹿児島本線 2 + 8 + 15 + 9 + 9 = 43; 豊肥本線 2 + 10 + 15 + 12 + 9 = 48; 国道3号 2 + 15 + 40 + 15 + 12 = 84;
        // 西里線 1 + 4 + 4 + 2 + 2 = 13; 小島–城山 1 + 10 + 8 + 8 + 3 = 30.
        var edited = ScenarioEditor.Apply(gtfs.Feeds, scenario);
        var added = edited.Skip(gtfs.Feeds.Count).ToDictionary(f => f.Name, f => f.TripsOn(Day));
        Assert.Equal(
            new Dictionary<string, int> { ["scn-jr-kagoshima"] = 86, ["scn-jr-hohi"] = 96, ["scn-sanko-route3-ueki"] = 168, ["scn-sanko-nishizato"] = 26, ["scn-sanko-kojima-joyama"] = 60 },
            added);
    }

    [RealDataFact]
    public void Every_new_stop_sits_at_the_station_or_sanko_stop_it_is_named_after()
    {
        // JR stations: national land information N02 (kumamoto-rail-tram-stations); buses: 九州産交バス stops.txt.
        var stations = new List<(string Name, double Lon, double Lat)>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RealData.Root, "kumamoto-rail-tram-stations", "kumamoto_city_rail_tram_stations.geojson"))))
        {
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var p = f.GetProperty("properties");
                if (p.GetProperty("operator").GetString() == "九州旅客鉄道")
                {
                    var c = f.GetProperty("geometry").GetProperty("coordinates");
                    stations.Add((p.GetProperty("name").GetString()!, c[0].GetDouble(), c[1].GetDouble()));
                }
            }
        }

        var sanko = new List<(string Name, double Lon, double Lat)>();
        var csv = new CsvTable(File.ReadAllBytes(Path.Combine(RealData.Bus, "sankobus_partial", "stops.txt")));
        int name = csv.Column("stop_name"), lon = csv.Column("stop_lon"), lat = csv.Column("stop_lat");
        while (csv.Next())
        {
            sanko.Add((csv.Get(name), double.Parse(csv.Get(lon), CultureInfo.InvariantCulture), double.Parse(csv.Get(lat), CultureInfo.InvariantCulture)));
        }

        foreach (var line in Read().Modifications.Cast<AddLine>())
        {
            var places = line.Mode == LineMode.Rail ? stations : sanko;
            foreach (var stop in line.Stops)
            {
                Assert.True(
                    places.Any(p => p.Name == stop.Name && p.Lon == stop.Longitude && p.Lat == stop.Latitude),
                    $"{line.Id}: {stop.Name} ({stop.Longitude}, {stop.Latitude}) is no {(line.Mode == LineMode.Rail ? "JR station" : "産交 stop")} of that name at those coordinates");
            }
        }
    }
}
