using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sousei.Geo.Core.Crs;
using Sousei.Geo.Core.Transit;
using Sousei.Geo.IO.Gtfs;

namespace Sousei.Geo.Bench;

/// <summary>
/// <c>all</c> (issue 12): every speed target of issue 12 with its peer in the same run — the whole density command on 1 M
/// households from GeoJSON and from GeoParquet against the PostGIS query, 10 M households (time and peak memory), the
/// PostGIS import from both formats, exact accessibility for 740,000 residents, and cold vector tiles against ST_AsMVT —
/// then rewrites the summary table of
/// docs/benchmarks.md (between its <c>bench:all</c> markers) with the machine and the load beside the figures.
/// </summary>
internal static class AllBench
{
    private const string Start = "<!-- bench:all:start -->";
    private const string End = "<!-- bench:all:end -->";

    public static int Run(string repoRoot, string realdata, bool tenMillion)
    {
        var started = DateTime.UtcNow;
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var rows = new List<BenchRow>();
        if (ScaleBench.Measure(repoRoot, 1_000_000, out var million) != 0)
        {
            return 2;
        }

        rows.AddRange(million);
        if (tenMillion)
        {
            ScaleBench.Measure(repoRoot, 10_000_000, out var ten, peers: false);
            rows.AddRange(ten);
        }

        rows.Add(Accessibility(realdata));
        TileBench.Rows(repoRoot, out var tiles);
        rows.Add(tiles);
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project bench/Sousei.Geo.Bench -- all` on {started:yyyy-MM-dd HH:mm} UTC ({(DateTime.UtcNow - started).TotalMinutes:F0} min).");
        table.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Memory()}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {loadBefore} before, {loadAfter} after.");
        table.AppendLine("Each command is a fresh `sousei` process (the Release build as `dotnet sousei.dll`, and where said the ReadyToRun publish README installs), one untimed run then five, the median; peak memory from GNU time; the PostGIS query five runs, the median.");
        table.AppendLine();
        table.AppendLine("| issue | task | data | result | target | peer, same run |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            table.AppendLine($"| {r.Issue} | {r.Task} | {r.Data} | {r.Result} | {r.Target} | {r.Peer} |");
        }

        Console.WriteLine();
        Console.Write(table);
        var doc = Path.Combine(repoRoot, "docs", "benchmarks.md");
        var text = File.ReadAllText(doc);
        var a = text.IndexOf(Start, StringComparison.Ordinal);
        var b = text.IndexOf(End, StringComparison.Ordinal);
        if (a < 0 || b < a)
        {
            Console.Error.WriteLine($"{doc} has no {Start} … {End} section; the table is printed above only");
            return 1;
        }

        File.WriteAllText(doc, text[..(a + Start.Length)] + "\n" + table + text[b..]);
        Console.WriteLine($"rewrote the summary table of {doc}");
        return 0;
    }

    /// <summary>Exact accessibility to the centre for every one of 740,000 synthetic residents on the five real feeds.</summary>
    private static BenchRow Accessibility(string realdata)
    {
        var day = new DateOnly(2026, 5, 12);
        var read = GtfsReader.ReadFeeds(BenchData.Feeds(realdata), day);
        read.ThrowIfProblems();
        var network = TransitNetwork.Build(read.Feeds, day, PlaneProjection.Kumamoto);
        var households = BenchData.SynthesiseHouseholds(network.Projection, 740_000, seed: 20260512);
        var options = new TransitOptions();
        CentreAccessibility.Compute(network, KumamotoHubs.All[0], households.Take(2000).ToList(), [], options, 0); // JIT warm-up
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            CentreAccessibility.Compute(network, KumamotoHubs.All[0], households, [], options, 0);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact accessibility: {times[1]:F2} s median ({times[0]:F2}–{times[2]:F2})"));
        return new BenchRow("4, 12", "accessibility to the centre, every resident exactly (in process)", $"{households.Count:N0} households, {households.Sum(h => (long)h.Persons):N0} persons; five real feeds, 120 departures",
            string.Create(CultureInfo.InvariantCulture, $"**{times[1]:F2} s** median ({times[0]:F2}–{times[2]:F2})"), "< 3 s", "Conveyal R5 (published): 128.5 s for a 120-min window on 10 threads (Porto Alegre grid)");
    }

    private static string Memory()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:F0} GiB RAM");
    }
}
