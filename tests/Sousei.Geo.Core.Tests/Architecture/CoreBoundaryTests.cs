using System.Reflection;
using Sousei.Geo.Core.Crs;

namespace Sousei.Geo.Core.Tests.Architecture;

/// <summary>The engine stays pure: no database, web, file or async dependencies (STYLE.md, "dependencies point inward").</summary>
public class CoreBoundaryTests
{
    private static readonly Assembly Core = typeof(PlaneProjection).Assembly;

    [Fact]
    public void Core_references_only_the_runtime_NetTopologySuite_and_ProjNET()
    {
        var allowed = new[] { "System.", "Microsoft.Win32.Primitives", "netstandard", "NetTopologySuite", "ProjNET", "ProjNet" };
        var names = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var offending = names.Where(n => !allowed.Any(a => n == a.TrimEnd('.') || n.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.True(offending.Count == 0, string.Join(", ", offending));
        Assert.DoesNotContain(names, n => n.Contains("Npgsql", StringComparison.Ordinal) || n.Contains("AspNetCore", StringComparison.Ordinal));
    }

    private static DirectoryInfo RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sousei.Geo.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Sousei.Geo.sln not found");
    }

    [Fact]
    public void Core_source_uses_no_file_network_or_async_apis()
    {
        var dir = RepoRoot();
        var forbidden = new[] { "System.IO.File", "File.Open", "File.Read", "File.Write", "Directory.", "FileStream", "StreamReader", "HttpClient", "System.Net", "async ", "await ", "Npgsql", "Microsoft.AspNetCore", "Console." };
        var hits = Directory.EnumerateFiles(Path.Combine(dir.FullName, "src", "Sousei.Geo.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(x => forbidden.Any(word => x.line.Contains(word, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(hits);
    }
}
