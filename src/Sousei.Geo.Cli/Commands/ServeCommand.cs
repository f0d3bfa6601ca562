using Microsoft.Extensions.DependencyInjection;
using Sousei.Geo.Service;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei serve</c>: the HTTP service (API, OGC API – Features, tiles, viewer) over one city.</summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "start the web service and map viewer (OGC API – Features, vector tiles, GeoJSON export)";

    public string Usage => """
        sousei serve --data DIR | --db CONN --city CODE [--urls http://127.0.0.1:5080] [--date YYYY-MM-DD]
                     [--crs EPSG:6670] [--repair]
          --urls   where to listen (default http://127.0.0.1:5080); the viewer is at /, the API under /api and /ogc
          --date   GTFS service day (default: the weekday on which the most feeds run, then the most trips)
          The staff key that unlocks owner fields comes from the environment (Sousei__StaffApiKey), never the command line.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var urls = args.String("urls") ?? "http://127.0.0.1:5080";
        var data = ServiceData.Load(args, console);
        args.RejectUnknown();
        var app = ServiceApp.Create(["--urls", urls], builder => builder.Services.AddSingleton(data));
        console.Error.WriteLine($"sousei serve: {data.Description} on {urls} (viewer at /, OGC API at /ogc, OpenAPI at /openapi/v1.json); Ctrl+C stops");
        app.Run();
        return CommandRunner.Ok;
    }
}
