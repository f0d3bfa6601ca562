using Sousei.Geo.Core.Transit;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.IO.Gtfs;

/// <summary>
/// What <see cref="GtfsReader.ReadFeeds(IEnumerable{string}, DateOnly?, int)"/> found: the feeds that loaded, every problem (capped, each with
/// file, line and a stable code) and notes for people (sizes, transfers.txt rows, extra files).
/// A feed with a fatal problem (a required file missing) is left out entirely, never half-loaded.
/// </summary>
public sealed record GtfsReadResult(IReadOnlyList<GtfsFeed> Feeds, IReadOnlyList<DataProblem> Problems, bool Truncated, IReadOnlyList<string> Notes)
{
    /// <summary>Throws a <see cref="DataException"/> listing the problems, if any.</summary>
    public void ThrowIfProblems()
    {
        if (Problems.Count > 0)
        {
            throw new DataException(Problems, Truncated);
        }
    }
}
