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
    public static int Run(string repoRoot, int count)
    {
        var cli = Path.Combine(repoRoot, "src", "Sousei.Geo.Cli", "bin", "Release", "net10.0", "sousei.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"build the CLI first: dotnet build -c Release src/Sousei.Geo.Cli ({cli} not found)");
            return 2;
        }

        var data = ScaleData.Create(count);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}; {count:N0} households, "
            + $"{new FileInfo(data.HouseholdsGeoJson).Length / 1e6:F0} MB GeoJSON, area {data.Area.NumGeometries} parts / {data.Area.NumPoints:N0} vertices");
        var geojson = Repeat(3, () => Time("dotnet", [cli, "density", "--data", data.Directory, "--method", "households", "--format", "json"]));
        Row("`density --method households`, GeoJSON", geojson);
        var conn = Environment.GetEnvironmentVariable("SOUSEI_BENCH_DB");
        if (!string.IsNullOrEmpty(conn))
        {
            var sql = PostGisPeer(conn, data);
            Row("peer: PostGIS `ST_Covers` + GiST, the query alone", sql);
        }

        return 0;
    }

    private static List<(double Seconds, long PeakKb, string Output)> Repeat(int n, Func<(double, long, string)> run) =>
        Enumerable.Range(0, n).Select(_ => run()).ToList();

    private static void Row(string label, List<(double Seconds, long PeakKb, string Output)> runs)
    {
        var times = runs.Select(r => r.Seconds).Order().ToList();
        var peak = runs.Max(r => r.PeakKb);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[times.Count / 2]:F2} | {times[0]:F2}–{times[^1]:F2} | {(peak > 0 ? $"{peak / 1024.0:F0} MB" : "—")} | {runs[0].Output} |"));
    }

    private static List<(double, long, string)> PostGisPeer(string conn, ScaleData data)
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
        var runs = new List<(double, long, string)>();
        for (var i = 0; i < 3; i++)
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
    internal static (double Seconds, long PeakKb, string Output) Time(string program, string[] args)
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
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture), Summary(output));
    }

    private static string Summary(string output)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        return $"{doc.RootElement.GetProperty("population").GetDouble():N0} persons inside";
    }
}
