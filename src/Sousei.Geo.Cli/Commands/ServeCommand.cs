using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Requests;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Service;
using Sousei.Geo.Service.Viewer;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei serve</c>: the HTTP service (API, OGC API – Features, tiles, viewer) over one city.</summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "start the web service and map viewer (OGC API – Features, vector tiles, GeoJSON export)";

    public string Usage => """
        sousei serve --data DIR | --db CONN --city CODE [--urls http://127.0.0.1:5080] [--date YYYY-MM-DD]
                     [--basemap-url TEMPLATE --basemap-attribution TEXT]
          --urls   where to listen (default http://127.0.0.1:5080); the viewer is at /, the API under /api and /ogc
          --date   default GTFS service day of the transit answers (default: the weekday on which the most feeds run, then the most trips)
          --basemap-url          online XYZ raster tiles under the data, http(s) with {z} {x} {y} (default none: the viewer requests nothing outside the service)
          --basemap-attribution  the credit its terms require, shown on the map (docs/api.md lists presets: 地理院タイル, OpenStreetMap)
          --basemap-file FILE.mbtiles|FILE.pmtiles   an offline basemap served at /basemap/{z}/{x}/{y} and shown by the viewer
          The staff key that unlocks owner fields comes from the environment (Sousei__StaffApiKey), never the command line.
        """ + "\n" + CliSource.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var urls = args.String("urls") ?? "http://127.0.0.1:5080";
        var listen = ServeUrls.Parse(urls);
        var parameters = new Parameters(n => args.String(n));
        var date = parameters.Date("date");
        parameters.ThrowIfAny();
        string[] basemap = [.. BasemapArguments(args), .. BasemapOption(args.String("basemap-file"))];
        var source = CliSource.Open(args, console);
        args.RejectUnknown();
        if (ServeUrls.BindProblem(listen) is { } bind)
        {
            console.Error.WriteLine("sousei serve: " + bind);
            return CommandRunner.Unavailable;
        }

        console.Progress("preparing the city data");
        var city = City.Open(source, CityLayers.All, date);
        ServiceApp.Warm(city);
        var app = ServiceApp.Create(["--urls", urls, .. basemap], builder => builder.Services.AddSingleton(city));
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            // Taken between the check and the start (or a name that does not resolve): one line, no stack trace.
            console.Error.WriteLine($"sousei serve: cannot listen on {urls}: {e.Message}");
            return CommandRunner.Unavailable;
        }

        console.Error.WriteLine($"sousei serve: {city.Description} on {urls} (viewer at /, OGC API at /ogc, OpenAPI at /openapi/v1.json); Ctrl+C stops");
        app.WaitForShutdown();
        return CommandRunner.Ok;
    }

    /// <summary>The basemap options as service settings; a bad template is a usage error naming the option.</summary>
    private static string[] BasemapArguments(CommandArgs args)
    {
        var url = args.String("basemap-url");
        var attribution = args.String("basemap-attribution");
        if (url is null)
        {
            return attribution is null ? [] : throw new UsageException("--basemap-attribution: needs --basemap-url");
        }

        if (Basemap.TemplateProblem(url) is { } problem)
        {
            throw new UsageException("--basemap-url: " + problem);
        }

        return [$"--{ServiceSettings.BasemapUrl}={url}", $"--{ServiceSettings.BasemapAttribution}={attribution ?? ""}"];
    }

    /// <summary>The service's arguments for <c>--basemap-file</c>, after opening the file once so that a bad one is exit 2 naming it.</summary>
    private static string[] BasemapOption(string? path)
    {
        if (path is null)
        {
            return [];
        }

        try
        {
            using var archive = IO.Tiles.TileArchive.Open(path);
        }
        catch (IO.Tiles.TileArchiveException e)
        {
            throw new UsageException($"--basemap-file: {e.Message}");
        }

        return ["--" + ServiceSettings.BasemapFile, Path.GetFullPath(path)];
    }
}
