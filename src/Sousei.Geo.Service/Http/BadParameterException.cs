namespace Sousei.Geo.Service.Http;

/// <summary>
/// A query parameter (or command-line filter) is missing, malformed or out of range. The service maps it
/// to 400 ProblemDetails with the parameter's name in the <c>parameter</c> member; the CLI to exit code 2.
/// </summary>
public sealed class BadParameterException(string parameter, string message) : Exception(message)
{
    /// <summary>Name of the offending parameter, as the caller spelt it.</summary>
    public string Parameter { get; } = parameter;
}
