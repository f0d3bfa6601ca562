namespace Sousei.Geo.IO.FileStore;

/// <summary>
/// Finds a layer's file in a store directory: <c>name.geojson</c>, gzip-compressed <c>name.geojson.gz</c>, or GeoParquet
/// <c>name.parquet</c> (issue 12).
/// </summary>
public static class LayerFiles
{
    /// <summary>The file names a layer may have, in the order <see cref="Find"/> looks.</summary>
    public static IReadOnlyList<string> Candidates(string layer) => [layer + ".geojson", layer + ".geojson.gz", layer + ".json", layer + ".parquet"];

    /// <summary>True for a GeoParquet layer file (by its extension).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The names of the layer's files present, when more than one is (which one to read is then unclear).</summary>
    public static IReadOnlyList<string> Duplicates(string directory, string layer)
    {
        var present = Candidates(layer).Where(c => File.Exists(Path.Combine(directory, c)) || Directory.Exists(Path.Combine(directory, c))).ToList();
        return present.Count > 1 ? present : [];
    }

    /// <summary>
    /// The path of the layer's file, or null when the store does not hold it. A directory of the layer's
    /// file name counts as present, so that reading it reports the problem instead of skipping the layer.
    /// </summary>
    public static string? Find(string directory, string layer)
    {
        foreach (var candidate in Candidates(layer))
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path) || Directory.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Reads the whole file, or adds a <c>layer.unreadable</c> problem naming it and returns null.</summary>
    public static byte[]? TryReadAllBytes(string path, Sousei.Geo.Core.Validation.ProblemCollector problems)
    {
        if (Directory.Exists(path))
        {
            problems.Add(new Sousei.Geo.Core.Validation.DataProblem("layer.unreadable", Path.GetFileName(path), "is a directory, not a GeoJSON file"));
            return null;
        }

        try
        {
            return ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems.Add(new Sousei.Geo.Core.Validation.DataProblem("layer.unreadable", Path.GetFileName(path), (e is InvalidDataException ? "" : "cannot read file: ") + e.Message));
            return null;
        }
    }

    /// <summary>Reads the whole file, decompressing <c>.gz</c>, within the limits of <see cref="InputFiles"/>.</summary>
    public static byte[] ReadAllBytes(string path) => InputFiles.ReadAllBytes(path);
}
