using System.Reflection;

namespace Sousei.Geo.Analysis.Tests.Fixtures;

/// <summary>The repository root (SOUSEI_REPO_ROOT, else the path recorded at build time) and paths under it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The embedded demo store.</summary>
    public static string Demo => Path.Combine(Root, "geodata", "kumamoto");

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
