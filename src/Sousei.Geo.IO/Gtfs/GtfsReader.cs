using System.IO.Compression;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.Gtfs;

/// <summary>
/// Reads GTFS / GTFS-JP feeds (GTFS Schedule reference; GTFS-JP 標準的なバス情報フォーマット) from zips or
/// folders, several at once. Every id is namespaced as <c>feed:id</c>, the feed name being the zip or folder
/// name without <c>.zip</c> and <c>.gtfs</c>. GTFS-JP extra files (agency_jp.txt, office_jp.txt,
/// routes_jp.txt, …) are tolerated and ignored; transfers.txt is counted and reported only.
/// Validation collects every problem (capped) with file, line and a stable code instead of stopping at the first.
/// </summary>
public static class GtfsReader
{
    /// <summary>Default cap on collected problems.</summary>
    public const int DefaultProblemCap = 20;

    /// <summary>
    /// Reads every feed under <paramref name="paths"/>: a path is a feed zip, a feed folder (holding .txt
    /// files), or a directory of feeds (zips and feed folders, as the file store's <c>gtfs/</c>). With
    /// <paramref name="serviceDate"/>, a feed with no trip running that day is a problem.
    /// </summary>
    public static GtfsReadResult ReadFeeds(IEnumerable<string> paths, DateOnly? serviceDate = null, int problemCap = DefaultProblemCap)
    {
        var problems = new ProblemCollector(problemCap);
        var notes = new List<string>();
        var feeds = new List<Core.Transit.GtfsFeed>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in paths.SelectMany(p => Expand(p, problems)))
        {
            var name = FeedName(source);
            var unique = name;
            for (var i = 2; !names.Add(unique); i++)
            {
                unique = $"{name}-{i}";
            }

            var label = Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            try
            {
                using var files = FeedFiles.Open(source);
                var feed = new GtfsFeedParser(unique, label, files, problems, notes).Parse(serviceDate);
                if (feed is not null)
                {
                    feeds.Add(feed);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                problems.Add(new DataProblem("gtfs.unreadable", label, $"cannot read the feed: {e.Message}"));
            }
        }

        if (feeds.Count == 0 && !problems.HasProblems)
        {
            problems.Add(new DataProblem("gtfs.none", string.Join(", ", paths), "no GTFS feed found (expected .zip files or folders holding stops.txt, trips.txt, stop_times.txt …)"));
        }

        return new GtfsReadResult(feeds, problems.Problems.ToList(), problems.Truncated, notes);
    }

    /// <summary>
    /// Reads feeds held in memory (as a database stores them: one set of files per feed), with the same
    /// validation and problems as feeds on disk. Feed names are namespaced as for files.
    /// </summary>
    public static GtfsReadResult ReadFeeds(IEnumerable<GtfsFeedSource> sources, DateOnly? serviceDate = null, int problemCap = DefaultProblemCap)
    {
        var problems = new ProblemCollector(problemCap);
        var notes = new List<string>();
        var feeds = new List<Core.Transit.GtfsFeed>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var source in sources)
        {
            count++;
            var unique = source.Name.Replace(':', '_');
            for (var i = 2; !names.Add(unique); i++)
            {
                unique = $"{source.Name}-{i}";
            }

            using var files = FeedFiles.InMemory(source.Files);
            var feed = new GtfsFeedParser(unique, source.Label, files, problems, notes).Parse(serviceDate);
            if (feed is not null)
            {
                feeds.Add(feed);
            }
        }

        if (count == 0)
        {
            problems.Add(new DataProblem("gtfs.none", "gtfs", "no GTFS feed found"));
        }

        return new GtfsReadResult(feeds, problems.Problems.ToList(), problems.Truncated, notes);
    }

    /// <summary>The feed sources (zips and feed folders) a path stands for, sorted by name.</summary>
    public static IReadOnlyList<string> FindFeeds(string path) => Expand(path, new ProblemCollector());

    private static List<string> Expand(string path, ProblemCollector problems)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            problems.Add(new DataProblem("gtfs.not_found", path, "no such file or directory"));
            return [];
        }

        if (Directory.EnumerateFiles(path, "*.txt").Any())
        {
            return [path];
        }

        var zips = Directory.EnumerateFiles(path, "*.zip");
        var folders = Directory.EnumerateDirectories(path).Where(d => Directory.EnumerateFiles(d, "*.txt").Any());
        return zips.Concat(folders).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>"toshibus.zip" → "toshibus", "kumamotoshiden.gtfs.zip" → "kumamotoshiden", a folder → its name.</summary>
    public static string FeedName(string source)
    {
        var name = Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        foreach (var suffix in new[] { ".zip", ".gtfs" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name.Replace(':', '_');
    }

    /// <summary>The text files of one feed, from a zip (entries matched by file name, any folder) or a folder.</summary>
    internal sealed class FeedFiles : IDisposable
    {
        private readonly ZipArchive? _zip;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
        private readonly string? _folder;
        private readonly IReadOnlyDictionary<string, byte[]>? _memory;

        private FeedFiles(ZipArchive? zip, string? folder, IReadOnlyDictionary<string, byte[]>? memory = null)
        {
            _memory = memory is null ? null : new Dictionary<string, byte[]>(memory, StringComparer.OrdinalIgnoreCase);
            _zip = zip;
            _folder = folder;
            if (zip is not null)
            {
                foreach (var e in zip.Entries)
                {
                    if (e.Name.Length > 0)
                    {
                        _entries.TryAdd(e.Name, e);
                    }
                }
            }
        }

        public static FeedFiles Open(string source)
        {
            if (!File.Exists(source))
            {
                return new FeedFiles(null, source);
            }

            InputFiles.CheckRegular(source);
            return new FeedFiles(ZipFile.OpenRead(source), null);
        }

        public static FeedFiles InMemory(IReadOnlyDictionary<string, byte[]> files) => new(null, null, files);

        public IEnumerable<string> Names => _memory is not null ? _memory.Keys : _zip is not null ? _entries.Keys : Directory.EnumerateFiles(_folder!, "*.txt").Select(f => Path.GetFileName(f)!);

        /// <summary>The file's bytes, or null when the feed lacks it.</summary>
        public byte[]? Read(string name)
        {
            if (_memory is not null)
            {
                return _memory.TryGetValue(name, out var bytes) ? bytes : null;
            }

            if (_zip is not null)
            {
                if (!_entries.TryGetValue(name, out var entry))
                {
                    return null;
                }

                return ReadEntry(entry);
            }

            var path = Path.Combine(_folder!, name);
            return File.Exists(path) ? InputFiles.ReadAllBytes(path) : null;
        }

        /// <summary>
        /// One zip entry, checked: not encrypted, its declared size within <see cref="InputFiles.MaxBytes"/> and
        /// <see cref="InputFiles.MaxExpansion"/> times its compressed size, no more bytes than declared, and the CRC-32 of
        /// the bytes equal to the one the zip stores (corrupt data is refused, not read as it is).
        /// </summary>
        private static byte[] ReadEntry(ZipArchiveEntry entry)
        {
            if (entry.IsEncrypted)
            {
                throw new InvalidDataException($"{entry.FullName} is encrypted; a GTFS feed is a plain zip");
            }

            if (entry.Length > InputFiles.MaxBytes || entry.Length > Math.Max(1 << 20, entry.CompressedLength * InputFiles.MaxExpansion))
            {
                throw new InvalidDataException($"{entry.FullName} expands to {entry.Length:N0} bytes from {entry.CompressedLength:N0} (limits: {InputFiles.MaxExpansion}× and {InputFiles.MaxBytes:N0} bytes)");
            }

            var bytes = new byte[entry.Length];
            using var stream = entry.Open();
            var read = 0;
            int n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0)
            {
                read += n;
            }

            if (read < bytes.Length || stream.ReadByte() != -1)
            {
                throw new InvalidDataException($"{entry.FullName} does not hold the {entry.Length:N0} bytes its zip header declares; the zip is corrupt");
            }

            if (Crc32.Of(bytes) != entry.Crc32)
            {
                throw new InvalidDataException($"{entry.FullName}: the CRC-32 of its data does not match the zip's; the zip is corrupt");
            }

            return bytes;
        }

        public bool Has(string name) => _memory is not null ? _memory.ContainsKey(name) : _zip is not null ? _entries.ContainsKey(name) : File.Exists(Path.Combine(_folder!, name));

        public void Dispose() => _zip?.Dispose();
    }
}
