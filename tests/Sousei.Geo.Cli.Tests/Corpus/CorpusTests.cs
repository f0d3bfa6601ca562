using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Sousei.Geo.Cli.Tests.Corpus;

/// <summary>
/// The hostile-input corpus (issue 14; tests/Corpus, written by tests/Corpus/generate.py): every case is the small valid
/// store of tests/Corpus/base with one thing made wrong (or a wrong command line). Each runs as its own `sousei`
/// process under GNU time, and must end with the documented exit code, an error naming the file / option / member,
/// no stack trace, nothing written to --out, within 20 s and 600 MB of resident memory (measured from the process).
/// </summary>
public sealed class CorpusTests
{
    private const double TimeBudgetSeconds = 20;
    private const long MemoryBudgetKilobytes = 600 * 1024;

    private static string Corpus => Path.Combine(RepoPaths.Root, "tests", "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Corpus, "cases")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_300_cases_with_the_requests()
    {
        var requests = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "requests.json"))).RootElement.GetArrayLength();
        Assert.True(Cases().Count + requests >= 300, $"{Cases().Count} files + {requests} requests");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_ends_with_its_exit_code_and_a_named_problem_within_budget(string name)
    {
        var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "cases", name, "case.json"))).RootElement;
        var store = Directory.CreateTempSubdirectory("sousei-corpus-").FullName;
        var output = Directory.CreateTempSubdirectory("sousei-corpus-out-").FullName;
        try
        {
            Copy(Path.Combine(Corpus, "base"), store);
            foreach (var removed in spec.GetProperty("remove").EnumerateArray())
            {
                var path = Path.Combine(store, removed.GetString()!);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, true);
                }
                else
                {
                    File.Delete(path);
                }
            }

            Copy(Path.Combine(Corpus, "cases", name), store);
            File.Delete(Path.Combine(store, "case.json"));
            var args = spec.GetProperty("args").EnumerateArray().Select(a => a.GetString()!.Replace("{dir}", store, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal)).ToList();
            var (exit, stderr, seconds, kilobytes) = Run(args);

            var expected = spec.GetProperty("exit").GetInt32();
            Assert.True(exit == expected, $"exit {exit}, expected {expected}; stderr:\n{stderr}");
            foreach (var words in spec.GetProperty("stderr_contains").EnumerateArray())
            {
                Assert.True(stderr.Contains(words.GetString()!, StringComparison.Ordinal), $"the error does not name '{words.GetString()}':\n{stderr}");
            }

            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
            Assert.True(seconds <= TimeBudgetSeconds, $"took {seconds:F1} s (budget {TimeBudgetSeconds} s)");
            Assert.True(kilobytes <= MemoryBudgetKilobytes, $"peak resident memory {kilobytes / 1024} MB (budget {MemoryBudgetKilobytes / 1024} MB)");
            if (expected != 0)
            {
                Assert.Empty(Directory.EnumerateFileSystemEntries(output));
            }
        }
        finally
        {
            Directory.Delete(store, true);
            Directory.Delete(output, true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Runs sousei under GNU time (-f "%e %M": elapsed seconds, peak resident kilobytes), with a hard timeout.</summary>
    private static (int Exit, string Stderr, double Seconds, long Kilobytes) Run(IReadOnlyList<string> args)
    {
        var timeFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-o", timeFile, "-f", "%e %M", "dotnet", Path.Combine(AppContext.BaseDirectory, "sousei.dll") }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment.Remove("SOUSEI_DEBUG");
        try
        {
            using var p = Process.Start(start)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(TimeBudgetSeconds * 3)))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail($"still running after {TimeBudgetSeconds * 3} s: {string.Join(' ', args)}");
            }

            p.WaitForExit();
            var measured = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
            return (p.ExitCode, stderr.Result + stdout.Result, double.Parse(measured[0], CultureInfo.InvariantCulture), long.Parse(measured[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(timeFile);
        }
    }
}
