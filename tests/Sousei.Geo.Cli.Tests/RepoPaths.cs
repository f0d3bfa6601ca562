namespace Sousei.Geo.Cli.Tests;

/// <summary>Locates the repository root (the folder holding Sousei.Geo.sln) and ../shared/realdata next to it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RealData(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", "realdata", .. parts]));
        Assert.True(File.Exists(path) || Directory.Exists(path), $"real data not found at {path} (../shared/realdata next to the repository)");
        return path;
    }

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var env = Environment.GetEnvironmentVariable("SOUSEI_REPO_ROOT");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "Sousei.Geo.sln")))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
        {
            dir = dir.Parent;
        }

        dir ??= new DirectoryInfo(Path.GetDirectoryName(sourceFile) ?? "/");
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sousei.Geo.sln not found above " + AppContext.BaseDirectory);
    }
}
