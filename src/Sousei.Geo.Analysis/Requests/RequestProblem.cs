namespace Sousei.Geo.Analysis.Requests;

/// <summary>
/// One problem with a request: the parameter by its one name (snake_case, as the API spells it; the CLI
/// shows <c>--kebab-case</c>), a stable code and a message a user can act on. Codes starting with
/// <c>data.</c> say that the data cannot answer the question (a layer is missing), not that the request is malformed.
/// </summary>
public sealed record RequestProblem(string Parameter, string Code, string Message)
{
    /// <summary>The parameter is required and absent.</summary>
    public const string Required = "parameter.required";

    /// <summary>The value does not parse (not a number, not a date, …).</summary>
    public const string Format = "parameter.format";

    /// <summary>The value parses but lies outside the allowed range.</summary>
    public const string Range = "parameter.range";

    /// <summary>The value is not one of the allowed choices, or names something the data does not hold.</summary>
    public const string Choice = "parameter.choice";

    /// <summary>Parameters that exclude each other were both given, or one needs another.</summary>
    public const string Conflict = "parameter.conflict";

    /// <summary>The parameter is not known to this analysis.</summary>
    public const string Unknown = "parameter.unknown";

    /// <summary>A layer the analysis needs is absent from the data.</summary>
    public const string MissingLayer = "data.missing_layer";

    /// <summary>No transit stop lies within walking distance (the access radius) of the origin asked for.</summary>
    public const string NoStopNearby = "data.no_stop_nearby";

    /// <summary>True for problems of the data rather than of the request.</summary>
    public bool IsDataProblem => Code.StartsWith("data.", StringComparison.Ordinal);

    public override string ToString() => $"{Parameter}: {Message} [{Code}]";
}
