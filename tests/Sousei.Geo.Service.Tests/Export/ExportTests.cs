using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Sousei.Geo.Cli;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Export;

public sealed partial class ExportTests(ServiceFactory factory, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private string RunCli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandRunner.Run(args, new CliConsole(stdout, stderr, false));
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return stdout.ToString();
    }

    private string ExportWithCli(params string[] filters)
    {
        var file = Path.Combine(Path.GetTempPath(), "sousei-export-" + Guid.NewGuid().ToString("N") + ".geojson");
        RunCli(["export", "vacant", "--data", factory.DataPath, "--out", file, .. filters]);
        return file;
    }

    [Fact]
    public void Cli_export_matches_the_golden_file()
    {
        var file = ExportWithCli();
        var actual = File.ReadAllText(file);
        var golden = RepoPaths.Golden("vacant_houses.geojson");
        if (Environment.GetEnvironmentVariable("SOUSEI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        if (!File.Exists(golden))
        {
            File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "vacant_houses.actual.geojson"), actual);
            Assert.Fail($"golden file {golden} is missing; the actual output is in TestResults/service (set SOUSEI_UPDATE_GOLDEN=1 to write it after review)");
        }

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public async Task Api_export_is_byte_for_byte_the_cli_export()
    {
        var cli = File.ReadAllBytes(ExportWithCli("--filter", "inside=true,decay_rank=high|medium"));
        var response = await factory.CreateClient().GetAsync("/api/export/vacant_houses.geojson?filter=" + Uri.EscapeDataString("inside=true,decay_rank=high|medium"));
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "");
        Assert.Equal(cli, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Export_follows_rfc_7946()
    {
        var text = File.ReadAllText(ExportWithCli());
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _));
        Assert.DoesNotMatch(TooManyDecimals(), text);
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["V1", "V2", "V3", "V4", "V5", "V6"], features.Select(f => f.GetProperty("id").GetString()));
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            foreach (var name in new[] { "inside_inducement_area", "zone", "nearest_hub", "distance_to_nearest_hub_m", "distance_to_frequent_stop_m" })
            {
                Assert.True(p.TryGetProperty(name, out _), $"{name} missing");
            }

            var coordinates = f.GetProperty("geometry").GetProperty("coordinates");
            var first = f.GetProperty("geometry").GetProperty("type").GetString() == "Point" ? coordinates : coordinates[0][0];
            Assert.InRange(first[0].GetDouble(), 130, 131.5);
            Assert.InRange(first[1].GetDouble(), 32, 33.5);
        }

        // V4 is stored clockwise; the export writes its exterior counter-clockwise (right-hand rule).
        var v4 = features[3].GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray();
        Assert.True(Orientation.IsCCW(v4));
    }

    [SkippableFact]
    public async Task Export_passes_geojsonhint()
    {
        ExternalTool.Require("node", "Debian nodejs / npm");

        var script = Path.Combine(RepoPaths.Viewer, "test", "geojsonhint.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Viewer, "node_modules", "@mapbox", "geojsonhint")), "run npm ci in src/Sousei.Geo.Viewer (the service build does it)");
        var cli = ExportWithCli();
        var api = Path.Combine(Path.GetTempPath(), "sousei-api-" + Guid.NewGuid().ToString("N") + ".geojson");
        File.WriteAllBytes(api, await factory.CreateClient().GetByteArrayAsync("/api/export/vacant_houses.geojson?filter=zone=east"));
        var items = Path.Combine(Path.GetTempPath(), "sousei-items-" + Guid.NewGuid().ToString("N") + ".geojson");
        File.WriteAllBytes(items, await factory.CreateClient().GetByteArrayAsync("/ogc/collections/town_blocks/items"));
        var result = await ExternalTool.RunAsync("node", [script, cli, api, items], RepoPaths.Viewer);
        output.WriteLine(result.Out + result.Error);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public async Task Export_streams_with_constant_memory()
    {
        // 200,000 synthetic houses (~80 MB of GeoJSON) written to a null stream: managed memory must not grow with the output.
        var data = BigData.Create(200_000);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var peakBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        var counting = new CountingStream();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Sousei.Geo.Analysis.Vacant.VacantHouseExporter.WriteAsync(counting, data.VacantHouses, false);
        var heapAfter = GC.GetGCMemoryInfo().HeapSizeBytes;
        output.WriteLine($"wrote {counting.Length:N0} bytes in {watch.Elapsed.TotalMilliseconds:F0} ms ({counting.Length / watch.Elapsed.TotalSeconds / 1e6:F0} MB/s); allocated {(GC.GetTotalAllocatedBytes(true) - before):N0}; heap {peakBefore:N0} → {heapAfter:N0}");
        Assert.True(counting.Length > 50_000_000);
        Assert.True(counting.MaxWrite <= 256 * 1024, $"a single write of {counting.MaxWrite} bytes: output is buffered, not streamed");
    }

    [Theory]
    [InlineData("--filter", "inside=maybe", "--filter")]
    [InlineData("--filter", "zone=atlantis", "atlantis")]
    [InlineData("--filter", "max_frequent_stop_distance_m=300", "GTFS")]
    [InlineData("--bbox", "1,2,3", "--bbox")]
    public void Cli_export_rejects_bad_filters_with_exit_code_2(string option, string value, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandRunner.Run(["export", "vacant", "--data", factory.DataPath, "--out", Path.GetTempFileName(), option, value], new CliConsole(stdout, stderr, false));
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr.ToString());
    }

    [GeneratedRegex(@"\d\.\d{8,}")]
    private static partial Regex TooManyDecimals();

    /// <summary>Counts bytes and the largest single write.</summary>
    private sealed class CountingStream : Stream
    {
        public long MaxWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Position += buffer.Length;
            MaxWrite = Math.Max(MaxWrite, buffer.Length);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }
}
