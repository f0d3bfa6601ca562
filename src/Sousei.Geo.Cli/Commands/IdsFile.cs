namespace Sousei.Geo.Cli.Commands;

/// <summary><c>--occupy-ids FILE</c>: one survey id per line; blank lines and lines starting with # are skipped.</summary>
internal static class IdsFile
{
    /// <summary>The ids of the file, comma separated (the form of the <c>occupy_ids</c> parameter).</summary>
    public static string Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--occupy-ids: cannot read '{path}': {e.Message}");
        }

        var ids = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (ids.Count == 0)
        {
            throw new UsageException($"--occupy-ids: '{path}' lists no id");
        }

        var withComma = ids.FirstOrDefault(i => i.Contains(','));
        return withComma is null ? string.Join(",", ids) : throw new UsageException($"--occupy-ids: id '{withComma}' holds a comma; ids are one per line without commas");
    }
}
