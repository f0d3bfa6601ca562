namespace Sousei.Geo.Cli;

/// <summary>The command line is wrong (unknown option, bad value, unknown year): exit code 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);
