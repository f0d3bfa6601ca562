namespace Sousei.Geo.IO.Gtfs;

/// <summary>
/// One GTFS feed held in memory: its name (ids are namespaced as <c>name:id</c>), a label for messages
/// (where it came from) and its text files by file name (<c>stops.txt</c> …), as shipped.
/// </summary>
public sealed record GtfsFeedSource(string Name, string Label, IReadOnlyDictionary<string, byte[]> Files);
