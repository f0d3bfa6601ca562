using System.Globalization;
using System.Text.Json;
using Sousei.Geo.IO.GeoJson;
using Sousei.Geo.Service.Export;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Privacy;

namespace Sousei.Geo.Service.Features;

/// <summary>
/// OGC API – Features – Part 1: Core (OGC 17-069r4) under <c>/ogc</c>: landing page, conformance,
/// collections, items with <c>bbox</c>, <c>limit</c> and offset paging (next/prev links), single items;
/// GeoJSON only, CRS84 only.
/// </summary>
internal static class OgcEndpoints
{
    public const string Prefix = "/ogc";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    private const string GeoJson = "application/geo+json";
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static readonly string[] OgcParameters = ["f"];
    private static readonly string[] ItemsParameters = ["f", "bbox", "bbox-crs", "limit", "offset", "crs"];

    public static IEndpointRouteBuilder MapOgcFeatures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("OGC API – Features");
        group.MapGet("", Landing).WithName("ogcLanding");
        group.MapGet("/conformance", Conformance);
        group.MapGet("/collections", Collections);
        group.MapGet("/collections/{collectionId}", Collection);
        group.MapGet("/collections/{collectionId}/items", Items);
        group.MapGet("/collections/{collectionId}/items/{featureId}", Item);
        return app;
    }

    private static string Base(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}{Prefix}";

    private static void CheckFormat(QueryReader q)
    {
        if (q.String("f") is { } f && f is not ("json" or "geojson"))
        {
            throw new BadParameterException("f", $"'{QueryReader.Shorten(f)}' is not offered; use json");
        }
    }

    private static void CheckCrs(QueryReader q, params string[] names)
    {
        foreach (var name in names)
        {
            if (q.String(name) is { } crs && crs != Crs84)
            {
                throw new BadParameterException(name, $"only {Crs84} is offered");
            }
        }
    }

    private static IResult Landing(HttpContext context)
    {
        CheckFormat(new QueryReader(context.Request, OgcParameters));
        var b = Base(context.Request);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "Sousei.Geo — 熊本市 多核連携都市 GIS");
            w.WriteString("description", "Planning layers and vacant houses of the city as OGC API – Features collections (GeoJSON, CRS84).");
            w.WriteStartArray("links");
            Link(w, b, "self", "application/json", "this document");
            Link(w, $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition");
            Link(w, b + "/conformance", "conformance", "application/json", "conformance classes");
            Link(w, b + "/collections", "data", "application/json", "the collections");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IResult Conformance(HttpContext context)
    {
        CheckFormat(new QueryReader(context.Request, OgcParameters));
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("conformsTo");
            w.WriteStringValue("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
            w.WriteStringValue("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
            w.WriteStringValue("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IResult Collections(HttpContext context, FeatureCatalog catalog)
    {
        CheckFormat(new QueryReader(context.Request, OgcParameters));
        var b = Base(context.Request);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("links");
            Link(w, b + "/collections", "self", "application/json", "the collections");
            w.WriteEndArray();
            w.WriteStartArray("collections");
            foreach (var layer in catalog.Layers)
            {
                WriteCollection(w, b, layer);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static IResult Collection(HttpContext context, FeatureCatalog catalog, string collectionId)
    {
        CheckFormat(new QueryReader(context.Request, OgcParameters));
        if (!catalog.ById.TryGetValue(collectionId, out var layer))
        {
            return NoCollection(collectionId, catalog);
        }

        var b = Base(context.Request);
        return Json(w => WriteCollection(w, b, layer));
    }

    private static async Task Items(HttpContext context, FeatureCatalog catalog, StaffAccess staffAccess, string collectionId)
    {
        if (!catalog.ById.TryGetValue(collectionId, out var layer))
        {
            await NoCollection(collectionId, catalog).ExecuteAsync(context);
            return;
        }

        var q = new QueryReader(context.Request, [.. ItemsParameters, .. layer.ExtraParameters]);
        CheckFormat(q);
        CheckCrs(q, "bbox-crs", "crs");

        var limit = q.Int("limit", DefaultLimit, 1, MaxLimit);
        var offset = q.Int("offset", 0, 0, int.MaxValue);
        var bbox = q.Bbox("bbox");
        var filter = layer.ParseFilter(q);
        var staff = layer.HasRestrictedFields && staffAccess.IsStaff(context);
        var matched = layer.Candidates(bbox).Where(i => filter is null || filter(i)).ToList();
        var page = matched.Skip(offset).Take(limit).ToList();

        context.Response.ContentType = GeoJson;
        await using var w = new Utf8JsonWriter(context.Response.Body, VacantHouseExporter.WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("numberMatched", matched.Count);
        w.WriteNumber("numberReturned", page.Count);
        w.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteStartArray("links");
        var self = $"{Base(context.Request)}/collections/{layer.Id}/items";
        Link(w, self + PageQuery(context.Request, offset, limit), "self", GeoJson, "this page");
        if (offset + page.Count < matched.Count)
        {
            Link(w, self + PageQuery(context.Request, offset + limit, limit), "next", GeoJson, "next page");
        }

        if (offset > 0)
        {
            Link(w, self + PageQuery(context.Request, Math.Max(0, offset - limit), limit), "prev", GeoJson, "previous page");
        }

        w.WriteEndArray();
        w.WriteStartArray("features");
        foreach (var i in page)
        {
            WriteFeature(w, layer, i, staff);
            if (w.BytesPending >= VacantHouseExporter.FlushBytes)
            {
                await w.FlushAsync(context.RequestAborted);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(context.RequestAborted);
    }

    private static IResult Item(HttpContext context, FeatureCatalog catalog, StaffAccess staffAccess, string collectionId, string featureId)
    {
        var query = new QueryReader(context.Request, ["f", "crs"]);
        CheckFormat(query);
        CheckCrs(query, "crs");
        if (!catalog.ById.TryGetValue(collectionId, out var layer))
        {
            return NoCollection(collectionId, catalog);
        }

        if (layer.IndexOf(featureId) is not { } index)
        {
            return Results.Problem(statusCode: 404, title: "Feature not found", detail: $"collection '{layer.Id}' has no feature with id '{QueryReader.Shorten(featureId)}'");
        }

        var staff = layer.HasRestrictedFields && staffAccess.IsStaff(context);
        var b = Base(context.Request);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", layer.FeatureId(index));
            w.WritePropertyName("geometry");
            GeoJsonGeometryWriter.Write(w, layer.Geometry(index));
            w.WriteStartObject("properties");
            layer.WriteProperties(w, index, staff);
            w.WriteEndObject();
            w.WriteStartArray("links");
            Link(w, $"{b}/collections/{layer.Id}/items/{Uri.EscapeDataString(featureId)}", "self", GeoJson, "this feature");
            Link(w, $"{b}/collections/{layer.Id}", "collection", "application/json", layer.Title);
            w.WriteEndArray();
            w.WriteEndObject();
        }, GeoJson);
    }

    internal static void WriteFeature(Utf8JsonWriter w, FeatureLayer layer, int index, bool staff)
    {
        w.WriteStartObject();
        w.WriteString("type"u8, "Feature"u8);
        w.WriteString("id"u8, layer.FeatureId(index));
        w.WritePropertyName("geometry"u8);
        GeoJsonGeometryWriter.Write(w, layer.Geometry(index));
        w.WriteStartObject("properties"u8);
        layer.WriteProperties(w, index, staff);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string PageQuery(HttpRequest request, int offset, int limit)
    {
        var parts = request.Query.Where(kv => kv.Key is not ("offset" or "limit"))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
            .Append($"offset={offset}").Append($"limit={limit}");
        return "?" + string.Join("&", parts);
    }

    private static void WriteCollection(Utf8JsonWriter w, string b, FeatureLayer layer)
    {
        w.WriteStartObject();
        w.WriteString("id", layer.Id);
        w.WriteString("title", layer.Title);
        w.WriteString("description", layer.Description);
        w.WriteString("itemType", "feature");
        w.WriteStartArray("crs");
        w.WriteStringValue(Crs84);
        w.WriteEndArray();
        w.WriteStartObject("extent");
        w.WriteStartObject("spatial");
        w.WriteStartArray("bbox");
        if (layer.Count > 0)
        {
            GeoJsonGeometryWriter.WriteBbox(w, layer.Extent);
        }

        w.WriteEndArray();
        w.WriteString("crs", Crs84);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("links");
        Link(w, $"{b}/collections/{layer.Id}", "self", "application/json", layer.Title);
        Link(w, $"{b}/collections/{layer.Id}/items", "items", GeoJson, "the features");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter w, string href, string rel, string type, string title)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteString("type", type);
        w.WriteString("title", title);
        w.WriteEndObject();
    }

    private static IResult NoCollection(string id, FeatureCatalog catalog) =>
        Results.Problem(statusCode: 404, title: "Collection not found",
            detail: $"no collection '{QueryReader.Shorten(id)}'; collections: {string.Join(", ", catalog.Layers.Select(l => l.Id))}");

    /// <summary>A small JSON document written in memory (landing page, collections, single features).</summary>
    internal static IResult Json(Action<Utf8JsonWriter> write, string contentType = "application/json")
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, VacantHouseExporter.WriterOptions))
        {
            write(w);
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), contentType);
    }
}
