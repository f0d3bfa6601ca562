namespace Sousei.Geo.Core.Validation;

/// <summary>
/// One problem found in input data: a stable <paramref name="Code"/> (for example <c>geometry.invalid</c>),
/// the file, the place in it (feature index and id, and a line of a text file or a <paramref name="Place"/> such as
/// "row group 2, row 17" of a Parquet file) and a message a planner can act on.
/// </summary>
public sealed record DataProblem(string Code, string File, string Message, int? FeatureIndex = null, string? FeatureId = null, long? Line = null, string? Place = null)
{
    /// <summary>Formats as "file: feature 3 (id 'x'): message [code]", "file:12: message [code]" or "file: row group 0, row 3: feature 3: …".</summary>
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += $":{line}";
        }

        if (Place is { } place)
        {
            where += $": {place}";
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
