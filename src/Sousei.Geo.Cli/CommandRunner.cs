using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Cli.Commands;
using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.Cli;

/// <summary>Dispatches a command line; maps bad input to exit code 2 with a clear message, never a stack trace.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>A resource is not available: a port in use, a database that cannot be reached.</summary>
    public const int Unavailable = 3;

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var commands = CommandRegistry.All;
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            var topic = args.Count > 1 ? Find(commands, args.Skip(1).ToList()) : null;
            console.Out.WriteLine(topic is null ? GeneralHelp(commands) : topic.Usage);
            return args.Count == 0 ? BadInput : Ok;
        }

        var command = Find(commands, args);
        if (command is null)
        {
            console.Error.WriteLine($"sousei: unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Select(c => c.Name))}");
            return BadInput;
        }

        try
        {
            if (args.Skip(1).Any(a => a is "--help" or "-h"))
            {
                console.Out.WriteLine(command.Usage);
                return Ok;
            }

            var parsed = new CommandArgs(args.Skip(command.Name.Split(' ').Length).ToList(), command.Flags, command.Repeatable);
            return command.Run(parsed, console);
        }
        catch (RequestException e)
        {
            // Each problem names its parameter as an option (--max-rides); a missing layer names the layer.
            foreach (var p in e.Problems)
            {
                console.Error.WriteLine(p.IsDataProblem || p.Parameter == "data"
                    ? $"sousei {command.Name}: {p.Message}"
                    : $"sousei {command.Name}: {ParameterSpec.CliName(p.Parameter)}: {p.Message}");
            }

            if (!e.IsDataProblem)
            {
                console.Error.WriteLine($"(sousei help {command.Name} lists the options)");
            }

            return BadInput;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"sousei {command.Name}: {e.Message}");
            console.Error.WriteLine(command.Usage);
            return BadInput;
        }
        catch (DataException e)
        {
            foreach (var line in e.ReportLines($"sousei {command.Name}"))
            {
                console.Error.WriteLine(line);
            }

            return BadInput;
        }
        catch (Sousei.Geo.PostGis.PostGisException e)
        {
            // Already scrubbed of passwords by the PostGis layer.
            console.Error.WriteLine($"sousei {command.Name}: database: {e.Message}");
            return e.Unavailable ? Unavailable : BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SOUSEI_DEBUG") is null)
        {
            console.Error.WriteLine($"sousei {command.Name}: internal error: {e.GetType().Name}: {e.Message} (set SOUSEI_DEBUG=1 for details)");
            return Failed;
        }
    }

    /// <summary>The command named by the first words: two-word commands (<c>vacant rank</c>) before one-word ones.</summary>
    private static ICommand? Find(IReadOnlyList<ICommand> commands, IReadOnlyList<string> args)
    {
        if (args.Count > 1 && commands.FirstOrDefault(c => c.Name == args[0] + " " + args[1]) is { } two)
        {
            return two;
        }

        return args.Count > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
    }

    private static string GeneralHelp(IReadOnlyList<ICommand> commands)
    {
        var lines = new List<string> { "sousei — GIS analysis for the multi-core connected city (多核連携都市)", "", "Commands:" };
        lines.AddRange(commands.Select(c => $"  {c.Name,-14} {c.Summary}"));
        lines.Add("");
        lines.Add("sousei help COMMAND shows a command's options.");
        return string.Join(Environment.NewLine, lines);
    }
}
