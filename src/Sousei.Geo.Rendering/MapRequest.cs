using NetTopologySuite.Geometries;
using Sousei.Geo.Analysis.Requests;

namespace Sousei.Geo.Rendering;

/// <summary>What to draw: layers (drawn in <see cref="LayerOrder"/>), a longitude/latitude box (null = the data's extent) and the image size in pixels.</summary>
public sealed record MapRequest(IReadOnlySet<string> Layers, Envelope? Bbox, int Width, int Height, bool English = false)
{
    public const int MaxPixels = 4096;

    /// <summary>Layers a map can show, bottom to top.</summary>
    public static IReadOnlyList<string> LayerOrder { get; } = ["town_blocks", "zones", "inducement_area", "buildings", "transit_stops", "vacant_houses", "hubs"];

    public static IReadOnlySet<string> DefaultLayers { get; } = new HashSet<string> { "town_blocks", "inducement_area", "hubs", "vacant_houses" };

    /// <summary>The parameters of a map, for the CLI (<c>sousei map</c>) and the API (<c>/api/map.png</c>).</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("layers", "L,L,…", $"layers, comma separated: {string.Join(", ", LayerOrder)} (default town_blocks,inducement_area,hubs,vacant_houses; town_blocks shows the density of the latest year)"),
        new("bbox", "minLon,minLat,maxLon,maxLat", "the area shown (default: the data's extent)"),
        new("width", "PX", $"image width in pixels, 64–{MaxPixels} (default 1200)"),
        new("height", "PX", $"image height in pixels, 64–{MaxPixels} (default 900)"),
        new("lang", "ja|en", "language of the legend (default ja)"),
    ];

    /// <summary>Parses the parameters; every problem names its parameter.</summary>
    /// <exception cref="RequestException">A parameter is bad.</exception>
    public static MapRequest Parse(Parameters p)
    {
        var layers = DefaultLayers;
        if (p.Text("layers") is { } text)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!LayerOrder.Contains(part))
                {
                    p.Add("layers", RequestProblem.Choice, $"'{Analysis.Requests.Parameters.Echo(part)}' is not a map layer; layers: {string.Join(", ", LayerOrder)}");
                }

                set.Add(part);
            }

            if (set.Count == 0)
            {
                p.Add("layers", RequestProblem.Required, "name at least one layer");
            }

            layers = set;
        }

        var width = p.Whole("width", 64, MaxPixels) ?? 1200;
        var height = p.Whole("height", 64, MaxPixels) ?? 900;
        var english = p.Choice("lang", ("ja", false), ("en", true)) ?? false;
        var bbox = p.Bbox("bbox");
        if (bbox is { } box && (box.Width <= 0 || box.Height <= 0))
        {
            p.Add("bbox", RequestProblem.Format, "has no width or no height: a map shows an area (minLon < maxLon, minLat < maxLat)");
        }

        p.ThrowIfAny();
        return new MapRequest(layers, bbox, width, height, english);
    }
}
