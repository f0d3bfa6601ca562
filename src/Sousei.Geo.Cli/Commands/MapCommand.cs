using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Map;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei map</c>: a PNG map (legend, scale bar, north arrow) for reports and notebooks.</summary>
internal sealed class MapCommand : ICommand
{
    public string Name => "map";

    public string Summary => "render a PNG map of chosen layers (legend, scale bar, north arrow)";

    public string Usage => """
        sousei map --data DIR | --db CONN --city CODE --out FILE.png [--layers town_blocks,inducement_area,hubs,vacant_houses]
                   [--bbox minLon,minLat,maxLon,maxLat] [--width 1200] [--height 900] [--lang ja|en]
          layers: town_blocks (density of the latest year), zones, inducement_area, buildings, transit_stops, vacant_houses, hubs
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var output = args.Required("out");
        OutputFile.Check(output);
        MapRequest request;
        try
        {
            request = MapRequest.Parse(args.String);
        }
        catch (BadParameterException e)
        {
            throw new UsageException($"--{e.Parameter}: {e.Message}");
        }

        var data = ServiceData.Load(args, console);
        args.RejectUnknown();
        var png = MapRenderer.RenderPng(data, request);
        OutputFile.Write(output, stream =>
        {
            stream.Write(png);
            return png.Length;
        });
        console.Out.WriteLine($"wrote {output} ({request.Width}×{request.Height})");
        return CommandRunner.Ok;
    }
}
