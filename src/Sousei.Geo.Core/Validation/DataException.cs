namespace Sousei.Geo.Core.Validation;

/// <summary>Input data could not be used; <see cref="Problems"/> lists every problem found (capped).</summary>
public sealed class DataException : Exception
{
    public DataException(IReadOnlyList<DataProblem> problems, bool truncated = false)
        : base(Describe(problems, truncated))
    {
        Problems = problems;
        Truncated = truncated;
    }

    public DataException(DataProblem problem)
        : this([problem])
    {
    }

    /// <summary>The problems, in the order found.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    /// <summary>True when more problems existed than were collected.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// What a program prints for these problems: a heading with <paramref name="who"/> and the count, then one
    /// indented line per problem (and a note when more were found than listed).
    /// </summary>
    public IEnumerable<string> ReportLines(string who)
    {
        yield return $"{who}: the input data has {Problems.Count}{(Truncated ? "+" : "")} problem{(Problems.Count == 1 ? "" : "s")}:";
        foreach (var line in Describe(Problems, Truncated).Split(Environment.NewLine))
        {
            yield return "  " + line;
        }
    }

    private static string Describe(IReadOnlyList<DataProblem> problems, bool truncated)
    {
        var lines = problems.Select(p => p.ToString()).ToList();
        if (truncated)
        {
            lines.Add("(more problems were found; only the first ones are listed)");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
