namespace Sousei.Geo.Analysis.Requests;

/// <summary>
/// One parameter of an analysis as every adapter shows it: its one name (snake_case; the CLI prints
/// <c>--kebab-case</c>), a placeholder for its value (null for a switch), and a help line that states the default.
/// </summary>
public sealed record ParameterSpec(string Name, string? Value, string Help)
{
    /// <summary>True for an on/off switch (<c>--trend</c>; <c>trend=true</c> in a query).</summary>
    public bool IsSwitch => Value is null;

    /// <summary>The name as a command-line option: <c>max_rides</c> → <c>--max-rides</c>.</summary>
    public string Option => CliName(Name);

    /// <summary><c>max_rides</c> → <c>--max-rides</c>.</summary>
    public static string CliName(string name) => "--" + name.Replace('_', '-');
}
