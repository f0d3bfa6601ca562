using Sousei.Geo.Cli;

var console = new CliConsole(Console.Out, Console.Error, !Console.IsErrorRedirected);
return CommandRunner.Run(args, console);
