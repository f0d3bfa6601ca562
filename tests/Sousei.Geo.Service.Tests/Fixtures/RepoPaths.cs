using System.Reflection;

namespace Sousei.Geo.Service.Tests.Fixtures;

/// <summary>The repository root (SOUSEI_REPO_ROOT, else the path recorded at build time) and paths under it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Viewer => Path.Combine(Root, "src", "Sousei.Geo.Viewer");

    public static string Golden(string file) => Path.Combine(Root, "tests", "Sousei.Geo.Service.Tests", "Golden", file);

    /// <summary>A gitignored folder for test artifacts (screenshots, failing outputs): TestResults/service under the root.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "TestResults", "service");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("SOUSEI_REPO_ROOT");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "Sousei.Geo.sln")))
        {
            return env;
        }

        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Sousei.Geo.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException("repository root not found: set SOUSEI_REPO_ROOT");
    }
}
