using Sousei.Geo.Analysis;
using Sousei.Geo.Core.Model;
using Sousei.Geo.Rendering;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei map</c>: a PNG map (legend, scale bar, north arrow) for reports and notebooks; the same as <c>/api/map.png</c>.</summary>
internal sealed class MapCommand : ICommand
{
    public string Name => "map";

    public string Summary => "render a PNG map of chosen layers (legend, scale bar, north arrow)";

    public string Usage => "sousei map --data DIR | --db CONN --city CODE --out FILE.png [--layers L,L] [--bbox minLon,minLat,maxLon,maxLat] [--width 1200] [--height 900] [--lang ja|en]\n"
        + string.Concat(MapRequest.Parameters.Select(p => $"  {p.Option,-12} {p.Help}\n")) + CliSource.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}' (options start with --)");
        }

        var output = args.Required("out");
        OutputFile.Check(output);
        var request = MapRequest.Parse(CliParameters.Of(args, MapRequest.Parameters));
        var source = CliSource.Open(args, console);
        args.RejectUnknown();
        var city = City.Open(source, CityLayers.All);
        var png = MapRenderer.RenderPng(city, request);
        OutputFile.Write(output, stream =>
        {
            stream.Write(png);
            return png.Length;
        });
        console.Out.WriteLine($"wrote {output} ({request.Width}×{request.Height})");
        return CommandRunner.Ok;
    }
}
