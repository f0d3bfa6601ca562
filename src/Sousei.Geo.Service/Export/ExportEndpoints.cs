using Sousei.Geo.Service.Data;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Privacy;
using Sousei.Geo.Service.Vacant;

namespace Sousei.Geo.Service.Export;

/// <summary>
/// <c>GET /api/export/vacant_houses.geojson</c>: every matching vacant house as one streamed RFC 7946 file
/// (the same bytes as <c>sousei export vacant</c>), and <c>GET /api/vacant_houses/count</c> for the viewer.
/// </summary>
internal static class ExportEndpoints
{
    private static readonly string[] Parameters = [.. VacantFilter.ParameterNames, "bbox"];

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export/vacant_houses.geojson", Export).WithTags("Export")
            .WithSummary("Vacant houses as an RFC 7946 GeoJSON download (filters as query parameters)");
        app.MapGet("/api/vacant_houses/count", Count).WithTags("Vacant houses")
            .WithSummary("How many vacant houses match the filters");
        return app;
    }

    internal static VacantFilter ParseFilter(HttpRequest request, CityData data)
    {
        var q = new QueryReader(request, Parameters);
        return VacantFilter.Parse(q.String, data) with { Bbox = q.Bbox("bbox") };
    }

    private static async Task Export(HttpContext context, CityData data, StaffAccess staffAccess)
    {
        var filter = ParseFilter(context.Request, data);
        var staff = staffAccess.IsStaff(context);
        context.Response.ContentType = "application/geo+json";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"vacant_houses.geojson\"";
        await VacantHouseExporter.WriteAsync(context.Response.Body, data, filter, staff, context.RequestAborted);
    }

    private static IResult Count(HttpContext context, CityData data)
    {
        var filter = ParseFilter(context.Request, data);
        var matched = data.VacantHouses.Count(filter.Matches);
        return Results.Json(new { count = matched, total = data.VacantHouses.Count });
    }
}
