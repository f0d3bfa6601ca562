namespace Sousei.Geo.Core.Validation;

/// <summary>Collects problems up to a cap; not thread-safe.</summary>
public sealed class ProblemCollector(int cap = 20)
{
    private readonly List<DataProblem> _problems = [];

    public int Cap { get; } = cap;

    public IReadOnlyList<DataProblem> Problems => _problems;

    public bool Truncated { get; private set; }

    public bool HasProblems => _problems.Count > 0;

    public void Add(DataProblem problem)
    {
        if (_problems.Count < Cap)
        {
            _problems.Add(problem);
        }
        else
        {
            Truncated = true;
        }
    }

    /// <summary>Adds every problem of <paramref name="other"/> (read elsewhere, such as on another thread), in order, and its truncation.</summary>
    public void AddAll(ProblemCollector other)
    {
        foreach (var problem in other.Problems)
        {
            Add(problem);
        }

        Truncated |= other.Truncated;
    }

    /// <summary>Throws a <see cref="DataException"/> with every collected problem, if any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new DataException(_problems.ToList(), Truncated);
        }
    }
}
