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
