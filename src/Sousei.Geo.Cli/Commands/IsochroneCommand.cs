using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Sousei.Geo.Core.Transit;

namespace Sousei.Geo.Cli.Commands;

/// <summary><c>sousei isochrone</c>: areas reachable from a hub by median travel time, as RFC 7946 GeoJSON.</summary>
internal sealed class IsochroneCommand : ICommand
{
    public string Name => "isochrone";

    public string Summary => "areas reachable from a hub by public transport within given minutes (GeoJSON)";

    public string Usage => """
        sousei isochrone --data DIR | --db CONN --city CODE --hub ID --date YYYY-MM-DD [--minutes 15,30,45,60]
                         [--window HH:MM-HH:MM] [--walk-speed M_PER_S] [--access-radius M] [--transfer-radius M]
                         [--max-rides N] [--crs EPSG:6670]
          --hub             id of the hub in hubs.geojson
          --minutes         travel-time limits, minutes, comma separated (default 15,30,45,60)
        """ + "\n" + TransitArgs.Usage;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "repair" };

    public int Run(CommandArgs args, CliConsole console)
    {
        var hubId = args.Required("hub");
        var date = TransitArgs.Date(args);
        var options = TransitArgs.Options(args);
        var minutes = HubsCommand.WholeNumbers(args.String("minutes") ?? "15,30,45,60", "minutes", 1, 24 * 60);
        var source = DataSource.Load(args, console);
        args.RejectUnknown();
        var hub = source.Dataset.Hubs.FirstOrDefault(h => h.Id == hubId)
            ?? throw new UsageException($"no hub '{hubId}' (hubs: {string.Join(", ", source.Dataset.Hubs.Select(h => h.Id))})");
        var network = TransitArgs.Network(source, date, console);
        console.Progress($"isochrones from {hub.Id}");
        var bands = Isochrone.Compute(network, (hub.Location.X, hub.Location.Y), minutes, options);
        var collection = new FeatureCollection();
        foreach (var band in bands.OrderByDescending(b => b.Minutes))
        {
            collection.Add(new Feature(CounterClockwise(band.Area), new AttributesTable
            {
                { "hub", hub.Id },
                { "minutes", band.Minutes },
                { "area_ha", Math.Round(band.AreaHectares, 1) },
                { "stops_reached", band.StopsReached },
                { "date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            }));
        }

        var json = new JsonSerializerOptions();
        json.Converters.Add(new GeoJsonConverterFactory());
        console.Out.WriteLine(JsonSerializer.Serialize(collection, json));
        return CommandRunner.Ok;
    }

    /// <summary>RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.</summary>
    internal static Geometry CounterClockwise(Geometry g)
    {
        var factory = g.Factory;
        Polygon Orient(Polygon p)
        {
            var shell = Orientation.IsCCW(p.ExteriorRing.CoordinateSequence) ? (LinearRing)p.ExteriorRing : (LinearRing)p.ExteriorRing.Reverse();
            var holes = p.InteriorRings.Select(h => Orientation.IsCCW(h.CoordinateSequence) ? (LinearRing)h.Reverse() : (LinearRing)h).ToArray();
            return factory.CreatePolygon(shell, holes);
        }

        return g switch
        {
            Polygon p => Orient(p),
            MultiPolygon mp => factory.CreateMultiPolygon(mp.Geometries.Cast<Polygon>().Select(Orient).ToArray()),
            _ => g,
        };
    }
}
