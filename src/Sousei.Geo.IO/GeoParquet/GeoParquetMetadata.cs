using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sousei.Geo.IO.GeoParquet;

/// <summary>
/// The <c>geo</c> key of a GeoParquet file's key-value metadata (GeoParquet 1.1.0, geoparquet.org): which column holds
/// the geometry, its encoding (WKB), its geometry types and its CRS. Sousei.Geo reads longitude/latitude only: an absent
/// <c>crs</c> is OGC:CRS84 by the specification; a PROJJSON whose <c>id</c> is EPSG:4326, OGC:CRS84 or the JGD2011 /
/// JGD2000 geographic CRS (EPSG:6668 / 4612) is accepted too, any other is refused with its name. Columns named as a
/// bounding-box covering of the geometry (<c>covering.bbox</c>) are derived data the reader may skip.
/// </summary>
public sealed record GeoParquetMetadata(string Version, string PrimaryColumn, IReadOnlyList<string> GeometryTypes, IReadOnlySet<string> CoveringColumns)
{
    /// <summary>The key of the metadata in the Parquet footer.</summary>
    public const string Key = "geo";

    /// <summary>The version this project writes.</summary>
    public const string WrittenVersion = "1.1.0";

    private static readonly string[] LonLatIds = ["EPSG:4326", "OGC:CRS84", "EPSG:6668", "EPSG:4612", "OGC:CRS83"];

    /// <summary>The metadata JSON for one WKB geometry column in longitude/latitude (no <c>crs</c>: OGC:CRS84).</summary>
    /// <remarks><c>geometryTypes</c>: the types present, as GeoParquet names them ("Point", "Polygon", …); <c>bbox</c>: the extent
    /// [xmin, ymin, xmax, ymax], or null for an empty layer.</remarks>
    public static string Write(string primaryColumn, IEnumerable<string> geometryTypes, double[]? bbox)
    {
        var column = new JsonObject
        {
            ["encoding"] = "WKB",
            ["geometry_types"] = new JsonArray([.. geometryTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(t => (JsonNode?)t)]),
            ["edges"] = "planar",
        };
        if (bbox is not null)
        {
            column["bbox"] = new JsonArray([.. bbox.Select(v => (JsonNode?)v)]);
        }

        var geo = new JsonObject
        {
            ["version"] = WrittenVersion,
            ["primary_column"] = primaryColumn,
            ["columns"] = new JsonObject { [primaryColumn] = column },
        };
        return geo.ToJsonString();
    }

    /// <summary>Parses the <c>geo</c> value; null with <paramref name="problem"/> saying what is wrong (in words a planner can act on).</summary>
    public static GeoParquetMetadata? Parse(string json, out string? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            problem = $"its 'geo' metadata is not valid JSON ({e.Message.Split('\n')[0]})";
            return null;
        }

        if (root is not JsonObject geo)
        {
            problem = "its 'geo' metadata is not a JSON object";
            return null;
        }

        var version = Text(geo["version"]);
        if (version is null || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            problem = version is null ? "its 'geo' metadata has no version" : $"its 'geo' metadata is GeoParquet version {version}; versions 1.x are read";
            return null;
        }

        var primary = Text(geo["primary_column"]);
        if (primary is null || geo["columns"] is not JsonObject columns || columns[primary] is not JsonObject column)
        {
            problem = primary is null ? "its 'geo' metadata names no primary_column" : $"its 'geo' metadata does not describe the primary column '{primary}' under 'columns'";
            return null;
        }

        var encoding = Text(column["encoding"]);
        if (encoding != "WKB")
        {
            problem = $"geometry column '{primary}' is encoded as '{encoding ?? "nothing"}'; Sousei.Geo reads WKB (GeoParquet's default; ogr2ogr and DuckDB write it)";
            return null;
        }

        if (CrsProblem(column, primary) is { } crs)
        {
            problem = crs;
            return null;
        }

        var types = column["geometry_types"] is JsonArray array ? array.Select(Text).OfType<string>().ToList() : [];
        var covering = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, node) in columns)
        {
            if (node is JsonObject c && c["covering"]?["bbox"] is JsonObject bbox)
            {
                foreach (var (_, part) in bbox)
                {
                    if (part is JsonArray path && path.Count > 0 && Text(path[0]) is { } name)
                    {
                        covering.Add(name);
                    }
                }
            }
        }

        return new GeoParquetMetadata(version, primary, types, covering);
    }

    private static string? CrsProblem(JsonObject column, string name)
    {
        if (!column.TryGetPropertyValue("crs", out var crs))
        {
            return null; // absent: OGC:CRS84 (GeoParquet 1.1 §crs)
        }

        const string Fix = "write longitude/latitude (e.g. ogr2ogr -t_srs EPSG:4326 out.parquet in.parquet)";
        if (crs is null)
        {
            return $"geometry column '{name}' declares an unknown CRS (\"crs\": null); {Fix}";
        }

        string? id = null;
        if (crs is JsonValue value && Text(value) is { } text)
        {
            id = text;
        }
        else if (crs is JsonObject projjson && projjson["id"] is JsonObject identifier)
        {
            id = $"{Text(identifier["authority"])}:{Text(identifier["code"]) ?? identifier["code"]?.ToJsonString()}";
        }

        if (id is not null && LonLatIds.Any(l => string.Equals(l, id.Replace("urn:ogc:def:crs:", "", StringComparison.OrdinalIgnoreCase).Replace("::", ":", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var shown = id ?? (crs is JsonObject o && Text(o["name"]) is { } n ? n : "a CRS without an id");
        return $"geometry column '{name}' is in {shown}, not longitude/latitude; {Fix}";
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : node is JsonValue n && n.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture) : null;
}
