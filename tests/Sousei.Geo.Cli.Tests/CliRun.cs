namespace Sousei.Geo.Cli.Tests;

/// <summary>Runs the <c>sousei</c> command in-process and captures its output.</summary>
internal static class CliRun
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(args, new CliConsole(output, error, interactive: false));
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
