using System.Text;

namespace Sousei.Geo.Cli.Tests.Corpus;

/// <summary>
/// Hostile GeoParquet (issues 12 and 14): a valid households.parquet cut at many lengths and with bytes overwritten
/// at many places (footer, page headers, page data, the geo key), each read by <c>sousei density</c>. Every case must end
/// with exit 0 or with exit 2 and a message naming the file — never an internal error, a stack trace or a hang.
/// </summary>
public sealed class ParquetCorpusTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sousei-pq-corpus-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _valid;

    public ParquetCorpusTests()
    {
        Directory.CreateDirectory(_dir);
        var features = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < 400; i++)
        {
            features.Append(i > 0 ? "," : "").Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{130.70 + (i * 1e-4)},32.80]}},\"properties\":{{\"persons\":{(i % 4) + 1},\"year\":2023,\"name\":\"h{i}\"}}}}");
        }

        features.Append("]}");
        File.WriteAllText(Path.Combine(_dir, "households.geojson"), features.ToString());
        File.WriteAllText(Path.Combine(_dir, "inducement_area.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[130.69,32.79],[130.76,32.79],[130.76,32.81],[130.69,32.81],[130.69,32.79]]]}}]}");
        var r = CliRun.Run("convert", "--in", Path.Combine(_dir, "households.geojson"), "--out", Path.Combine(_dir, "valid.parquet"));
        Assert.True(r.ExitCode == 0, r.Error);
        File.Delete(Path.Combine(_dir, "households.geojson"));
        _valid = File.ReadAllBytes(Path.Combine(_dir, "valid.parquet"));
        File.Delete(Path.Combine(_dir, "valid.parquet"));
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void The_valid_file_reads_to_all_its_persons()
    {
        // 100 × (1 + 2 + 3 + 4) = 1,000 persons, all inside the area.
        File.WriteAllBytes(Path.Combine(_dir, "households.parquet"), _valid);
        var r = CliRun.Run("density", "--data", _dir, "--method", "households", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("\"population\": 1000,", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_files_end_with_a_named_problem()
    {
        var lengths = Enumerable.Range(0, 60).Select(i => (int)((long)_valid.Length * i / 60)).Concat([_valid.Length - 1, _valid.Length - 4, _valid.Length - 8, 4, 8, 12]).Distinct();
        foreach (var length in lengths)
        {
            Check(_valid[..length], $"cut at {length} of {_valid.Length} bytes", mustFail: true);
        }
    }

    [Fact]
    public void Overwritten_bytes_anywhere_end_with_exit_0_or_a_named_problem()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 150; i++)
        {
            var bytes = (byte[])_valid.Clone();
            // Most edits land in the footer and page headers (the last 1,500 bytes and the first 200), where lengths live.
            var at = (i % 3) switch
            {
                0 => random.Next(Math.Max(4, bytes.Length - 1500), bytes.Length - 4),
                1 => random.Next(4, Math.Min(bytes.Length - 4, 200)),
                _ => random.Next(4, bytes.Length - 4),
            };
            var count = 1 + random.Next(4);
            for (var k = 0; k < count && at + k < bytes.Length - 4; k++)
            {
                bytes[at + k] = (byte)random.Next(256);
            }

            Check(bytes, $"bytes {at}..{at + count} overwritten", mustFail: false);
        }
    }

    private void Check(byte[] bytes, string what, bool mustFail)
    {
        File.WriteAllBytes(Path.Combine(_dir, "households.parquet"), bytes);
        var task = Task.Run(() => CliRun.Run("density", "--data", _dir, "--method", "households", "--format", "json"));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), $"{what}: no answer in 30 s");
        var r = task.Result;
        Assert.True(r.ExitCode is 0 or 2, $"{what}: exit {r.ExitCode}: {r.Error}");
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        if (r.ExitCode == 2)
        {
            Assert.Contains("households.parquet", r.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(mustFail, $"{what}: read as valid");
        }
    }
}
