using System.IO.Compression;

namespace Sousei.Geo.PostGis.Import;

/// <summary>
/// The files of one GTFS / GTFS-JP feed as shipped (a <c>.zip</c> or a folder): name → bytes.
/// The feed's name is the zip or folder name without <c>.zip</c> / <c>.gtfs</c>.
/// </summary>
public sealed record GtfsFeedFiles(string Name, string Source, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>Reads every regular file at the top of the feed (folder or zip; a zip's single top folder is looked through).</summary>
    public static GtfsFeedFiles Read(string path)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var name = Path.GetFileName(path.TrimEnd('/', Path.DirectorySeparatorChar));
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                files[Path.GetFileName(file)] = File.ReadAllBytes(file);
            }
        }
        else
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')))
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                var entryName = entry.Name;
                if (files.ContainsKey(entryName))
                {
                    continue;
                }

                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                files[entryName] = memory.ToArray();
            }
        }

        name = IO.Gtfs.GtfsReader.FeedName(path);
        return new GtfsFeedFiles(name, path, files);
    }
}
