namespace Sousei.Geo.Core.Validation;

/// <summary>
/// One problem found in input data: a stable <paramref name="Code"/> (for example <c>geometry.invalid</c>),
/// the file, the place in it (feature index and id, or line) and a message a planner can act on.
/// </summary>
public sealed record DataProblem(string Code, string File, string Message, int? FeatureIndex = null, string? FeatureId = null, long? Line = null)
{
    /// <summary>Formats as "file: feature 3 (id 'x'): message [code]" or "file:12: message [code]".</summary>
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += $":{line}";
        }

        if (FeatureIndex is { } index)
        {
            where += $": feature {index}";
            if (!string.IsNullOrEmpty(FeatureId))
            {
                where += $" (id '{FeatureId}')";
            }
        }

        return $"{where}: {Message} [{Code}]";
    }
}
