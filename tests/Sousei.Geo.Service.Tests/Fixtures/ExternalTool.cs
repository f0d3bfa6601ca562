using System.Diagnostics;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>
/// Runs an external program (ogrinfo, node) and captures its output. A missing program fails the test in CI
/// (CI=true) and skips it elsewhere, reported as skipped with the reason (the test is a <c>[SkippableFact]</c>),
/// never as passed.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Returns when the tool is on PATH; otherwise fails in CI, or skips the test with the reason.</summary>
    public static void Require(string name, string installHint)
    {
        if (Find(name) is not null)
        {
            return;
        }

        var message = $"{name} is not on PATH (install {installHint}; ./test.sh installs it when it can)";
        Assert.False(InCi, message + "; CI needs it");
        Skip.If(true, message);
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time; output so far: {await stdout}{await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
