using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Sousei.Geo.Bench;

/// <summary>
/// Issue 12's figures: whole `sousei` commands on large generated stores (each a fresh process, as a planner runs it,
/// wall time and peak resident memory from GNU time), with PostGIS answering the same question on the same data in the
/// same run (<c>SOUSEI_BENCH_DB</c>, an Npgsql connection string).
/// </summary>
internal static class ScaleBench
{
    public static int Run(string repoRoot, int count) => Measure(repoRoot, count, out _);

    /// <summary>Runs the figures for <paramref name="count"/> households; <paramref name="rows"/> receives them for the summary table.</summary>
    public static int Measure(string repoRoot, int count, out List<BenchRow> rows, bool peers = true)
    {
        rows = [];
        var cli = Path.Combine(repoRoot, "src", "Sousei.Geo.Cli", "bin", "Release", "net10.0", "sousei.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"build the CLI first: dotnet build -c Release src/Sousei.Geo.Cli ({cli} not found)");
            return 2;
        }

        QuietBuildServers();
        var data = ScaleData.Create(count);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}; {count:N0} households, "
            + $"{new FileInfo(data.HouseholdsGeoJson).Length / 1e6:F0} MB GeoJSON, area {data.Area.NumGeometries} parts / {data.Area.NumPoints:N0} vertices");
        Console.WriteLine("| command | median s | range s | peak memory | answer |");
        Console.WriteLine("|---|---|---|---|---|");
        var geojson = Repeat(Runs, () => Time("dotnet", [cli, "density", "--data", data.Directory, "--method", "households", "--format", "json"]));
        Row("`density --method households`, GeoJSON", geojson);
        var size = $"{count:N0} households ({new FileInfo(data.HouseholdsGeoJson).Length / 1e6:F0} MB GeoJSON), area of {data.Area.NumPoints:N0} vertices";
        if (!peers)
        {
            rows.Add(new BenchRow("12", "whole `density --method households` command, GeoJSON", size, $"**{Median(geojson):F2} s**, {geojson.Max(r => r.PeakKb) / 1024.0:F0} MB peak", "≤ 12× the 1 M time, ≤ 1.5 GB", ""));
            return 0;
        }

        // The same households as GeoParquet, converted by the command itself, in a store of their own.
        var parquetStore = data.Directory + "-parquet";
        if (!File.Exists(Path.Combine(parquetStore, "households.parquet")))
        {
            Directory.CreateDirectory(parquetStore);
            File.Copy(Path.Combine(data.Directory, "inducement_area.geojson"), Path.Combine(parquetStore, "inducement_area.geojson"), true);
            var convert = Time("dotnet", [cli, "convert", "--in", data.HouseholdsGeoJson, "--out", Path.Combine(parquetStore, "households.parquet")], json: false);
            Row("`convert` households GeoJSON → GeoParquet", [convert]);
        }

        Console.WriteLine($"  (GeoParquet file: {new FileInfo(Path.Combine(parquetStore, "households.parquet")).Length / 1e6:F0} MB)");
        var parquet = Repeat(Runs, () => Time("dotnet", [cli, "density", "--data", parquetStore, "--method", "households", "--format", "json"]));
        Row("`density --method households`, GeoParquet", parquet);

        // The same commands from sousei installed as README says for large data: a ReadyToRun publish (compiled ahead of
        // time, so a fresh process does not spend its first few hundred milliseconds in the JIT).
        var installed = InstalledCli(repoRoot);
        QuietBuildServers();
        var installedGeojson = installed is null ? null : Repeat(Runs, () => Time(installed, ["density", "--data", data.Directory, "--method", "households", "--format", "json"]));
        var installedParquet = installed is null ? null : Repeat(Runs, () => Time(installed, ["density", "--data", parquetStore, "--method", "households", "--format", "json"]));
        if (installedGeojson is not null && installedParquet is not null)
        {
            Row("`density --method households`, GeoJSON, ReadyToRun publish", installedGeojson);
            Row("`density --method households`, GeoParquet, ReadyToRun publish", installedParquet);
        }
        var conn = Environment.GetEnvironmentVariable("SOUSEI_BENCH_DB");
        var parquetMb = new FileInfo(Path.Combine(parquetStore, "households.parquet")).Length / 1e6;
        if (string.IsNullOrEmpty(conn))
        {
            rows.Add(new BenchRow("12", "whole `density --method households` command, GeoJSON", size, $"**{Median(geojson):F2} s**, {geojson.Max(r => r.PeakKb) / 1024.0:F0} MB peak", "≤ ½ the PostGIS query", "PostGIS not measured (set SOUSEI_BENCH_DB)"));
            rows.Add(new BenchRow("12", "whole `density --method households` command, GeoParquet", $"same households, {parquetMb:F0} MB GeoParquet", $"**{Median(parquet):F2} s**, {parquet.Max(r => r.PeakKb) / 1024.0:F0} MB peak", "≤ ⅕ the PostGIS query", "PostGIS not measured (set SOUSEI_BENCH_DB)"));
        }
        else
        {
            var sql = PostGisPeer(conn, data);
            Row("peer: PostGIS `ST_Covers` + GiST, the query alone", sql);
            var peer = $"PostGIS `ST_Covers` + GiST, the query alone: {Median(sql):F2} s ({sql[0].Output})";
            rows.Add(new BenchRow("12", "whole `density --method households` command, GeoJSON", size, $"**{Median(geojson):F2} s** ({Median(sql) / Median(geojson):F1}× faster), {geojson.Max(r => r.PeakKb) / 1024.0:F0} MB peak", "≤ ½ the PostGIS query", peer));
            rows.Add(new BenchRow("12", "whole `density --method households` command, GeoParquet", $"same households, {parquetMb:F0} MB GeoParquet", $"**{Median(parquet):F2} s** ({Median(sql) / Median(parquet):F1}× faster), {parquet.Max(r => r.PeakKb) / 1024.0:F0} MB peak", "≤ ⅕ the PostGIS query", peer));
            if (installedGeojson is not null && installedParquet is not null)
            {
                rows.Add(new BenchRow("12", "the same two commands, `sousei` installed as a ReadyToRun publish (README)", "same households: GeoJSON / GeoParquet",
                    $"GeoJSON **{Median(installedGeojson):F2} s** ({Median(sql) / Median(installedGeojson):F1}×), GeoParquet **{Median(installedParquet):F2} s** ({Median(sql) / Median(installedParquet):F1}× faster), {installedParquet.Max(r => r.PeakKb) / 1024.0:F0} MB peak",
                    "≤ ½ / ≤ ⅕ the PostGIS query", peer));
            }

            // sousei import of each store into a city of its own (the whole command: read, validate, COPY, index, commit).
            Time("dotnet", [cli, "db", "migrate", "--db", conn], json: false);
            // Interleaved, so that each import replaces its own city while the other is in the table: the first round (into
            // an emptier table) is left out, the two later rounds are the figures.
            var fromJson = new List<(double Seconds, long PeakKb, string Output)>();
            var fromParquet = new List<(double Seconds, long PeakKb, string Output)>();
            for (var round = 0; round < 3; round++)
            {
                var j = Time("dotnet", [cli, "import", data.Directory, "--db", conn, "--city", "99901"], json: false);
                var p = Time("dotnet", [cli, "import", parquetStore, "--db", conn, "--city", "99902"], json: false);
                if (round > 0)
                {
                    fromJson.Add(j);
                    fromParquet.Add(p);
                }
            }

            Row("`import` of the GeoJSON store into PostGIS", fromJson);
            Row("`import` of the GeoParquet store into PostGIS", fromParquet);
            rows.Add(new BenchRow("12", "whole `sousei import` into PostGIS, from GeoParquet", $"{count:N0} households", $"**{Median(fromParquet):F2} s** = {count / Median(fromParquet):N0} rows/s", "≥ the GeoJSON import", $"`sousei import` from GeoJSON: {Median(fromJson):F2} s = {count / Median(fromJson):N0} rows/s"));
        }

        return 0;
    }

    /// <summary>
    /// Stops the build servers a build leaves running (MSBuild nodes, the compiler server) and lets the machine settle, so
    /// that the first commands timed do not share the two cores with them (they took 1.1 s where later runs took 0.8 s).
    /// </summary>
    private static void QuietBuildServers()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("build-server");
        start.ArgumentList.Add("shutdown");
        using (var p = Process.Start(start)!)
        {
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
        }

        Thread.Sleep(TimeSpan.FromSeconds(5));
    }

    /// <summary>Runs of each whole command: the machine varies by ±20 % from run to run, so five, and the median.</summary>
    private const int Runs = 5;

    /// <summary>
    /// Publishes the CLI as README's installation does (<c>dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true</c>)
    /// into the temp folder, and gives its <c>sousei</c>; null, said on the console, when the publish fails (no runtime pack).
    /// </summary>
    private static string? InstalledCli(string repoRoot)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sousei-bench-installed");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["publish", Path.Combine(repoRoot, "src", "Sousei.Geo.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", dir])
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var sousei = Path.Combine(dir, "sousei");
        if (p.ExitCode != 0 || !File.Exists(sousei))
        {
            Console.WriteLine($"  (ReadyToRun publish failed, exit {p.ExitCode}: {output.Split('\n').LastOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? err.Result.Trim()}; not measured)");
            return null;
        }

        return sousei;
    }

    /// <summary><paramref name="n"/> timed runs after one untimed run (the file in the page cache, the build just finished).</summary>
    private static List<(double Seconds, long PeakKb, string Output)> Repeat(int n, Func<(double, long, string)> run)
    {
        run();
        return Enumerable.Range(0, n).Select(_ => run()).ToList();
    }

    private static double Median(List<(double Seconds, long PeakKb, string Output)> runs) => runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2);

    private static void Row(string label, List<(double Seconds, long PeakKb, string Output)> runs)
    {
        var times = runs.Select(r => r.Seconds).Order().ToList();
        var peak = runs.Max(r => r.PeakKb);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[times.Count / 2]:F2} | {times[0]:F2}–{times[^1]:F2} | {(peak > 0 ? $"{peak / 1024.0:F0} MB" : "—")} | {runs[0].Output} |"));
    }

    private static List<(double Seconds, long PeakKb, string Output)> PostGisPeer(string conn, ScaleData data)
    {
        using var db = new NpgsqlConnection(conn);
        db.Open();
        void Exec(string text)
        {
            using var cmd = new NpgsqlCommand(text, db) { CommandTimeout = 1200 };
            cmd.ExecuteNonQuery();
        }

        Exec("DROP TABLE IF EXISTS bench_scale_h; DROP TABLE IF EXISTS bench_scale_a; CREATE TABLE bench_scale_h (geom geometry(Point,4326), persons int, year int); CREATE TABLE bench_scale_a (geom geometry(MultiPolygon,4326));");
        using (var writer = db.BeginTextImport("COPY bench_scale_h FROM STDIN (FORMAT csv)"))
        using (var reader = new StreamReader(data.HouseholdsCsv))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                writer.Write(buffer, 0, n);
            }
        }

        using (var insert = new NpgsqlCommand("INSERT INTO bench_scale_a VALUES (ST_Multi(ST_GeomFromText(@wkt, 4326)))", db))
        {
            insert.Parameters.AddWithValue("wkt", data.Area.AsText());
            insert.ExecuteNonQuery();
        }

        Exec("CREATE INDEX ON bench_scale_h USING gist (geom); ANALYZE bench_scale_h; ANALYZE bench_scale_a;");
        var runs = new List<(double Seconds, long PeakKb, string Output)>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using var q = new NpgsqlCommand("SELECT sum(h.persons) FROM bench_scale_h h JOIN bench_scale_a a ON ST_Covers(a.geom, h.geom) WHERE h.year = 2023", db) { CommandTimeout = 1200 };
            var sum = Convert.ToInt64(q.ExecuteScalar(), CultureInfo.InvariantCulture);
            runs.Add((clock.Elapsed.TotalSeconds, 0, $"{sum:N0} persons inside"));
        }

        Exec("DROP TABLE bench_scale_h; DROP TABLE bench_scale_a;");
        return runs;
    }

    /// <summary>Runs a program under GNU time: wall seconds, peak resident kB, and the output's first line of persons.</summary>
    internal static (double Seconds, long PeakKb, string Output) Time(string program, string[] args, bool json = true)
    {
        var stats = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%e %M", "-o", stats, program, .. args])
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
        }

        var fields = File.ReadAllText(stats).Trim().Split(' ');
        File.Delete(stats);
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture), json ? Summary(output) : output.Trim().Split('\n')[^1]);
    }

    private static string Summary(string output)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        return $"{doc.RootElement.GetProperty("population").GetDouble():N0} persons inside";
    }
}
