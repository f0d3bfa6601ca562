using Sousei.Geo.PostGis.Schema;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei db migrate|version</c>: brings the PostGIS schema to this build's version, or shows it.</summary>
internal sealed class DbCommand : ICommand
{
    public string Name => "db";

    public string Summary => "PostGIS schema: `db migrate` applies pending migrations (idempotent), `db version` shows the version";

    public string Usage => """
        sousei db migrate --db CONN
        sousei db version --db CONN
          --db   PostgreSQL connection string (Npgsql form or postgres://…); default: the SOUSEI_DB environment variable
                 Works in the first schema of the search path (add "Search Path=myschema,public").
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public int Run(CommandArgs args, CliConsole console)
    {
        var action = args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("give one action: migrate or version");
        using var db = CliSource.OpenDatabase(args);
        args.RejectUnknown();
        switch (action)
        {
            case "migrate":
                var report = Migrator.Migrate(db);
                console.Out.WriteLine(report.Applied.Count == 0
                    ? $"schema of {db.Description} is at version {report.VersionAfter}; nothing to do"
                    : $"schema of {db.Description}: version {report.VersionBefore} → {report.VersionAfter} (applied {string.Join(", ", report.Applied.Select(m => $"{m.Version:D4}_{m.Name}"))})");
                return CommandRunner.Ok;
            case "version":
                var version = Migrator.CurrentVersion(db);
                console.Out.WriteLine($"schema of {db.Description} is at version {version} (this build: {Migrator.LatestVersion})");
                return CommandRunner.Ok;
            default:
                throw new UsageException($"unknown action '{action}': expected migrate or version");
        }
    }
}
