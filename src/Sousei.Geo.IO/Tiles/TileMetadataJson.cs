using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sousei.Geo.IO.Tiles;

/// <summary>The JSON object of PMTiles' metadata section and of MBTiles' <c>json</c> row: TileJSON-style keys, string values.</summary>
internal static class TileMetadataJson
{
    public static byte[] PmTiles(TileArchiveMetadata m)
    {
        var o = new JsonObject();
        Add(o, "name", m.Name);
        Add(o, "description", m.Description);
        Add(o, "attribution", m.Attribution);
        o["type"] = m.Format == TileFormat.Mvt ? "overlay" : "baselayer";
        o["format"] = TileFormats.MbTilesName(m.Format);
        if (m.VectorLayers is { } layers)
        {
            o["vector_layers"] = layers.DeepClone();
        }

        return JsonSerializer.SerializeToUtf8Bytes(o);
    }

    /// <summary>MBTiles' <c>json</c> value: the vector layers, or null for raster archives.</summary>
    public static string? MbTilesJson(TileArchiveMetadata m) =>
        m.VectorLayers is { } layers ? new JsonObject { ["vector_layers"] = layers.DeepClone() }.ToJsonString() : null;

    /// <summary>Parses the JSON text of a metadata section; anything but an object is a problem.</summary>
    public static JsonObject Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject ?? throw new InvalidDataException("the metadata is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("the metadata is not JSON: " + e.Message, e);
        }
    }

    public static string? Text(JsonObject o, string key) =>
        o.TryGetPropertyValue(key, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static JsonArray? Layers(JsonObject o) =>
        o.TryGetPropertyValue("vector_layers", out var v) && v is JsonArray a ? (JsonArray)a.DeepClone() : null;

    private static void Add(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }
}
