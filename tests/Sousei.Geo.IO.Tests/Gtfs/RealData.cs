using System.Runtime.CompilerServices;

namespace Sousei.Geo.IO.Tests.Gtfs;

/// <summary>
/// Locates ../shared/realdata next to the repository root (the folder holding Sousei.Geo.sln), searching up from
/// the test binaries and, when they live elsewhere (an --artifacts-path), from this source file. Never copied into the repository.
/// </summary>
internal static class RealData
{
    public static string Root => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "realdata"));

    /// <summary>The repository root (the folder holding Sousei.Geo.sln).</summary>
    public static string Repository => RepositoryRoot();

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find Sousei.Geo.sln above " + AppContext.BaseDirectory + " or " + sourceFile);
    }

    public static string Bus => Path.Combine(Root, "kumamoto-bus-gtfs");

    public static string TramRail => Path.Combine(Root, "kumamoto-tram-rail-gtfs");

    /// <summary>The five feeds that run together on weekdays 2026-05-11 to 2026-05-15.</summary>
    public static string[] FiveFeeds =>
    [
        Path.Combine(Bus, "toshibus.zip"), Path.Combine(Bus, "kumabus.zip"), Path.Combine(Bus, "dentetsu.zip"),
        Path.Combine(TramRail, "kumamotoshiden.gtfs.zip"), Path.Combine(TramRail, "kumamotodentetsu.gtfs.zip"),
    ];
}
