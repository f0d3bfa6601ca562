using Sousei.Geo.Analysis.Requests;

namespace Sousei.Geo.Cli;

/// <summary>Reads a command line as the parameters of an analysis (or of a map): <c>max_rides</c> is read from <c>--max-rides</c>.</summary>
internal static class CliParameters
{
    /// <summary>The command line as the analysis's <see cref="Parameters"/>: <c>max_rides</c> is read from <c>--max-rides</c>.</summary>
    public static Parameters Of(CommandArgs args, IReadOnlyList<ParameterSpec> specs, IReadOnlyDictionary<string, Func<string, string>>? values = null)
    {
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return new Parameters(name =>
        {
            var option = ParameterSpec.CliName(name)[2..];
            if (byName.TryGetValue(name, out var spec) && spec.IsSwitch)
            {
                return args.Flag(option) ? "true" : null;
            }

            var raw = args.String(option);
            return raw is not null && values is not null && values.TryGetValue(name, out var map) ? map(raw) : raw;
        });
    }
}
