using NetTopologySuite.Geometries;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Map;

/// <summary>What to draw: layers (drawn in <see cref="LayerOrder"/>), a longitude/latitude box (null = the data's extent) and the image size in pixels.</summary>
public sealed record MapRequest(IReadOnlySet<string> Layers, Envelope? Bbox, int Width, int Height, bool English = false)
{
    public const int MaxPixels = 4096;

    /// <summary>Layers a map can show, bottom to top.</summary>
    public static IReadOnlyList<string> LayerOrder { get; } = ["town_blocks", "zones", "inducement_area", "buildings", "transit_stops", "vacant_houses", "hubs"];

    public static IReadOnlySet<string> DefaultLayers { get; } = new HashSet<string> { "town_blocks", "inducement_area", "hubs", "vacant_houses" };

    /// <summary>Parses the API / CLI parameters (layers comma-separated, bbox minLon,minLat,maxLon,maxLat, width, height, lang ja|en).</summary>
    public static MapRequest Parse(Func<string, string?> get)
    {
        var layers = DefaultLayers;
        if (get("layers") is { } text)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!LayerOrder.Contains(part))
                {
                    throw new BadParameterException("layers", $"'{QueryReader.Shorten(part)}' is not a map layer; layers: {string.Join(", ", LayerOrder)}");
                }

                set.Add(part);
            }

            layers = set.Count > 0 ? set : throw new BadParameterException("layers", "name at least one layer");
        }

        var width = (int)(QueryReader.ParseDouble("width", get("width"), 64, MaxPixels) ?? 1200);
        var height = (int)(QueryReader.ParseDouble("height", get("height"), 64, MaxPixels) ?? 900);
        var english = get("lang") switch
        {
            null or "ja" => false,
            "en" => true,
            var other => throw new BadParameterException("lang", $"'{QueryReader.Shorten(other)}' must be ja or en"),
        };
        return new MapRequest(layers, QueryReader.ParseBbox("bbox", get("bbox")), width, height, english);
    }
}
