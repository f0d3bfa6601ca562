using System.Diagnostics;
using System.Globalization;

namespace Sousei.Geo.Bench;

/// <summary>
/// Issue 11's figures: the planner's deliverables as whole commands on the demo store (each a fresh `sousei` process, as
/// a planner runs it; three runs, the median and the range), with the peers of the same run: ogr2ogr writing the same
/// GeoJSON layers into a GeoPackage, and Chromium printing the report's HTML alone (the printer's share of the PDF).
/// Outputs go to a temporary folder, deleted after.
/// </summary>
internal static class DeliverablesBench
{
    public static int Run(string repoRoot)
    {
        var cli = Path.Combine(repoRoot, "src", "Sousei.Geo.Cli", "bin", "Release", "net10.0", "sousei.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"build the CLI first: dotnet build -c Release src/Sousei.Geo.Cli ({cli} not found)");
            return 2;
        }

        var store = Path.Combine(repoRoot, "geodata", "kumamoto");
        var dir = Path.Combine(Path.GetTempPath(), "sousei-bench-deliverables-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}; store {store}");
            Console.WriteLine("| command | median s | range s | output |");
            Console.WriteLine("|---|---|---|---|");
            void Sousei(string label, string output, params string[] args)
            {
                var times = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    File.Delete(Path.Combine(dir, output));
                    times.Add(Time("dotnet", [cli, .. args, "--data", store, "--out", Path.Combine(dir, output)]));
                }

                Row(label, times, new FileInfo(Path.Combine(dir, output)).Length);
            }

            Sousei("`report` (text)", "report.txt", "report");
            Sousei("`report --out report.html`", "report.html", "report");
            Sousei("`report --out report.pdf`", "report.pdf", "report");
            Sousei("`density --format csv`", "density.csv", "density", "--format", "csv");
            Sousei("`density --format xlsx`", "density.xlsx", "density", "--format", "xlsx");
            Sousei("`hubs --format xlsx`", "hubs.xlsx", "hubs", "--format", "xlsx");
            Sousei("`vacant rank --format xlsx`", "vacant.xlsx", "vacant", "rank", "--format", "xlsx");
            Sousei("`export layers --format gpkg`", "layers.gpkg", "export", "layers", "--format", "gpkg");

            var peer = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var gpkg = Path.Combine(dir, "ogr.gpkg");
                File.Delete(gpkg);
                var t = 0.0;
                foreach (var layer in new[] { "zones.geojson", "inducement_area.geojson", "town_blocks.geojson", "hubs.geojson", "vacant_houses.geojson" })
                {
                    t += Time("ogr2ogr", ["-f", "GPKG", "-append", "-t_srs", "EPSG:6670", gpkg, Path.Combine(store, layer)]);
                }

                peer.Add(t);
            }

            Row("peer: ogr2ogr of the five GeoJSON layers into one GeoPackage (no analysis)", peer, new FileInfo(Path.Combine(dir, "ogr.gpkg")).Length);
            var print = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var pdf = Path.Combine(dir, "chromium.pdf");
                print.Add(Time("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(dir, "profile")}", $"--print-to-pdf={pdf}", new Uri(Path.Combine(dir, "report.html")).AbsoluteUri]));
            }

            Row("peer: chromium printing report.html alone", print, new FileInfo(Path.Combine(dir, "chromium.pdf")).Length);
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Row(string label, List<double> times, long bytes)
    {
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[1]:F2} | {times[0]:F2}–{times[2]:F2} | {bytes:N0} B |"));
    }

    private static double Time(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
        }

        return clock.Elapsed.TotalSeconds;
    }
}
