using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Hosting;

/// <summary>The service host started with bad settings says what is wrong and exits 2, with no stack trace.</summary>
public sealed class StartupErrorTests(ITestOutputHelper output)
{
    public static TheoryData<string[], string> BadStarts => new()
    {
        { ["--Sousei:Data=/nonexistent/sousei-data"], "/nonexistent/sousei-data: data directory does not exist" },
        { [], "no data: start with --data DIR" },
        { ["--Sousei:Data=" + Path.Combine(RepoPaths.Root, "geodata", "kumamoto"), "--Sousei:ServiceDate=2026-13-01"], "'2026-13-01' is not a date" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public async Task Bad_settings_end_with_a_message_and_exit_code_2(string[] args, string expected)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Sousei.Geo.Service.dll");
        var result = await ExternalTool.RunAsync("dotnet", [host, "--urls", "http://127.0.0.1:0", .. args], timeout: TimeSpan.FromMinutes(1));
        output.WriteLine(result.Out + result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error + result.Out, StringComparison.Ordinal);
    }
}
