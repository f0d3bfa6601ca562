namespace Sousei.Geo.Bench;

/// <summary>One line of the summary table that <c>all</c> writes: the target, what was measured, and its peer of the same run.</summary>
internal sealed record BenchRow(string Issue, string Task, string Data, string Result, string Target, string Peer);
