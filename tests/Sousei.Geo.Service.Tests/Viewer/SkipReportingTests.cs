using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Viewer;

/// <summary>
/// A test whose tool is missing is reported as skipped with the reason, never as passed (README: ./test.sh): the
/// viewer test is run in a subprocess whose PATH holds node and dotnet but no chromium, outside CI.
/// </summary>
public sealed class SkipReportingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "sousei-path-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_bin))
        {
            Directory.Delete(_bin, true);
        }
    }

    [SkippableFact]
    public async Task Viewer_test_without_chromium_on_path_is_reported_skipped_not_passed()
    {
        ExternalTool.Require("node", "Debian nodejs/npm");
        var dotnet = ExternalTool.Find("dotnet") ?? Environment.ProcessPath!;
        Directory.CreateDirectory(_bin);
        File.CreateSymbolicLink(Path.Combine(_bin, "node"), ExternalTool.Find("node")!);
        File.CreateSymbolicLink(Path.Combine(_bin, "dotnet"), dotnet);
        var tests = typeof(SkipReportingTests).Assembly.Location;
        var result = await ExternalTool.RunAsync(dotnet, ["test", tests, "--filter", "FullyQualifiedName~Viewer.ViewerTests", "--logger", "console;verbosity=normal"],
            timeout: TimeSpan.FromMinutes(5), environment: new Dictionary<string, string> { ["PATH"] = _bin, ["CI"] = "" });
        output.WriteLine(result.Out + result.Error);
        Assert.Matches(@"Skipped\s+Sousei\.Geo\.Service\.Tests\.Viewer\.ViewerTests\.Viewer_loads", result.Out);
        Assert.Contains("chromium is not on PATH", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Total tests:\s+1\b", result.Out);
        Assert.Matches(@"Skipped:\s+1\b", result.Out);
        Assert.DoesNotMatch(@"Passed:\s+[1-9]", result.Out);
    }
}
