using System.Diagnostics;
using Sousei.Geo.Bench;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;

// Usage: dotnet run -c Release --project bench/Sousei.Geo.Bench -- transit|scenarios|deliverables|scale|all|tiles [REALDATA_DIR | households | --no-10m]
if (args.Length == 0 || args[0] is not ("transit" or "scenarios" or "deliverables" or "scale" or "all" or "tiles"))
{
    Console.Error.WriteLine("usage: Sousei.Geo.Bench transit|scenarios|deliverables|scale|all|tiles [path to shared/realdata | number of households | --no-10m]");
    return 2;
}

if (args[0] == "tiles")
{
    return TileBench.Run(RepoRoot());
}

if (args[0] == "all")
{
    return AllBench.Run(RepoRoot(), FindRealData(), tenMillion: !args.Contains("--no-10m"));
}

if (args[0] == "scale")
{
    return ScaleBench.Run(RepoRoot(), args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

if (args[0] == "deliverables")
{
    return DeliverablesBench.Run(RepoRoot());
}

var realdata = args.Length > 1 ? args[1] : FindRealData();
if (args[0] == "scenarios")
{
    return ScenarioBench.Run(realdata, RepoRoot(), SynthesiseHouseholds(PlaneProjection.Kumamoto, 740_000, seed: 20260512));
}

var feeds = BenchData.Feeds(realdata);
var day = new DateOnly(2026, 5, 12);
var options = new TransitOptions();

var clock = Stopwatch.StartNew();
var read = GtfsReader.ReadFeeds(feeds, day);
read.ThrowIfProblems();
var readSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
var network = TransitNetwork.Build(read.Feeds, day, PlaneProjection.Kumamoto);
var buildSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"feeds: {read.Feeds.Count}; stops {network.Stops.Count}, trips on {day:yyyy-MM-dd} {network.TripCount}, patterns {network.PatternCount}, stop times {network.StopTimeCount}");
Console.WriteLine($"read GTFS: {readSeconds:F2} s; build network: {buildSeconds:F2} s");

// Warm-up (JIT), then timed runs.
HubConnectivity.Compute(network, KumamotoHubs.All, options with { WindowEndSeconds = options.WindowStartSeconds + 600 });
var hubTimes = new List<double>();
HubConnectivityResult? matrix = null;
for (var run = 0; run < 5; run++)
{
    clock.Restart();
    matrix = HubConnectivity.Compute(network, KumamotoHubs.All, options);
    hubTimes.Add(clock.Elapsed.TotalSeconds);
}

Console.WriteLine($"hub matrix 16x16, {matrix!.DepartureCount} departures: median {Median(hubTimes):F3} s, min {hubTimes.Min():F3} s over 5 runs");
foreach (var h in matrix.Hubs)
{
    Console.WriteLine($"  {h.Id,-14} stops {h.StopCount,4} trips/day {h.TripsPerDay,5} routes {h.Routes,4} to centre {h.MinutesToCentral?.ToString("F1") ?? "—"} min");
}

var households = SynthesiseHouseholds(network.Projection, 740_000, seed: 20260512);
Console.WriteLine($"households: {households.Count} synthetic points, {households.Sum(h => (long)h.Persons)} persons");
foreach (var cell in new[] { 50.0, 0.0 })
{
    clock.Restart();
    var access = CentreAccessibility.Compute(network, KumamotoHubs.All[0], households, [], options, cell);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"centre accessibility (cell {cell} m): {seconds:F2} s; origin groups {access.OriginGroups}, stop profiles {access.StopProfiles}; "
        + $"within 30 min {access.All.ShareWithin30:P1}, within 45 min {access.All.ShareWithin45:P1}");
}

clock.Restart();
var coverage = TransitCoverage.Compute(network, households, null);
Console.WriteLine($"coverage: {clock.Elapsed.TotalSeconds:F2} s; covered {coverage.CoveredPersons} of {coverage.Persons} ({coverage.ShareOfCity:P1}); rail stops {coverage.RailStops}, bus stops >= 30/day {coverage.QualifyingBusStops}");
clock.Restart();
var grid = Isochrone.Compute(network, (KumamotoHubs.All[0].Location.X, KumamotoHubs.All[0].Location.Y), options);
var bands = Isochrone.Bands(grid, [15, 30, 45, 60]);
Console.WriteLine($"isochrone grid ({grid.Cells.Count} cells of {grid.CellMeters} m) and bands 15/30/45/60 from the centre: {clock.Elapsed.TotalSeconds:F2} s; areas {string.Join(", ", bands.Select(b => $"{b.Minutes} min {b.AreaHectares:F0} ha"))}");
return 0;

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string FindRealData() => BenchData.FindRealData();

static string RepoRoot() => BenchData.RepoRoot();

static List<Household> SynthesiseHouseholds(PlaneProjection projection, long persons, int seed) => BenchData.SynthesiseHouseholds(projection, persons, seed);
