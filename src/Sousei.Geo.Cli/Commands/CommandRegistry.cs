namespace Sousei.Geo.Cli.Commands;

/// <summary>Every command of <c>sousei</c>; add new commands here.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new DensityCommand(),
        new ReportCommand(),
        new DemoDataCommand(),
        new DbCommand(),
        new ImportCommand(),
        new ExportCommand(),
        new ServeCommand(),
        new MapCommand(),
        new HubsCommand(),
        new CoverageCommand(),
        new IsochroneCommand(),
        new VacantCommand(),
        new WhatIfCommand(),
        new TrendCommand(),
    ];
}
