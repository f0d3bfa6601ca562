namespace Sousei.Geo.Cli;

/// <summary>Output streams of a run; progress goes to stderr only on a terminal.</summary>
internal sealed class CliConsole(TextWriter @out, TextWriter error, bool interactive)
{
    public TextWriter Out { get; } = @out;

    public TextWriter Error { get; } = error;

    public bool Interactive { get; } = interactive;

    public void Progress(string message)
    {
        if (Interactive)
        {
            Error.WriteLine($"… {message}");
        }
    }
}
