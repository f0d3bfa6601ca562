namespace Sousei.Geo.Tests;

/// <summary>
/// (Shared by the test projects that read real data: compiled into each from tests/Shared.)
/// A test that reads the real public data of ../shared/realdata (next to the repository). A newcomer's clone has no
/// ../shared: there the test is skipped with the reason; in CI (CI=true) it runs and a missing folder fails it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealDataSkip.Reason() is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Why a real-data test cannot run here, or null when it can (or must: in CI).</summary>
internal static class RealDataSkip
{
    public static string? Reason()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var root = FindRoot();
        var realData = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "realdata"));
        return inCi || (realData is not null && Directory.Exists(realData))
            ? null
            : $"real data not found at {realData ?? "../shared/realdata"} (a clone without ../shared beside it; CI fails instead of skipping)";
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("SOUSEI_REPO_ROOT");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "Sousei.Geo.sln")))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
