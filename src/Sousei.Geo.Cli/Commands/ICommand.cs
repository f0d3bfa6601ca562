namespace Sousei.Geo.Cli.Commands;

/// <summary>One <c>sousei</c> sub-command.</summary>
internal interface ICommand
{
    /// <summary>The verb, e.g. <c>density</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>sousei help</c>.</summary>
    string Summary { get; }

    /// <summary>Usage lines for <c>sousei help NAME</c>.</summary>
    string Usage { get; }

    /// <summary>Options that take no value.</summary>
    IReadOnlySet<string> Flags { get; }

    /// <summary>Options that may be given several times (their values are joined with commas).</summary>
    IReadOnlySet<string> Repeatable => new HashSet<string>();

    /// <summary>Runs; returns the exit code. Throws <see cref="UsageException"/> or DataException for bad input.</summary>
    int Run(CommandArgs args, CliConsole console);
}
