namespace Sousei.Geo.Analysis.Requests;

/// <summary>
/// A request cannot be answered: every problem found (capped at <see cref="Parameters.ProblemCap"/>), each
/// naming its parameter. Adapters render it: the CLI as <c>--name: message</c> with exit code 2, the service as
/// 400 ProblemDetails (404 when the data lacks a layer the analysis needs).
/// </summary>
public sealed class RequestException : Exception
{
    public RequestException(IReadOnlyList<RequestProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{p.Parameter}: {p.Message}")))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("a request exception needs at least one problem", nameof(problems));
        }

        Problems = problems;
    }

    public RequestException(string parameter, string code, string message)
        : this([new RequestProblem(parameter, code, message)])
    {
    }

    public IReadOnlyList<RequestProblem> Problems { get; }

    /// <summary>True when every problem is a problem of the data (a missing layer), not of the request.</summary>
    public bool IsDataProblem => Problems.All(p => p.IsDataProblem);
}
