using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Privacy;

namespace Sousei.Geo.Service.Export;

/// <summary>
/// <c>GET /api/export/vacant_houses.geojson</c>: every matching vacant house as one streamed RFC 7946 file (the same
/// bytes as <c>sousei export vacant</c>), and <c>GET /api/vacant_houses/count</c> for the viewer; both take the one
/// filter language (<c>filter</c>) and <c>bbox</c>.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export/vacant_houses.geojson", Export).WithTags("Export")
            .WithSummary("Vacant houses as an RFC 7946 GeoJSON download (filter, bbox)").WithAnalysisParameters(VacantExportUseCase.Instance.Parameters);
        app.MapAnalysis("/api/vacant_houses/count", VacantExportUseCase.Instance, "Vacant houses");
        return app;
    }

    private static async Task Export(HttpContext context, City data, StaffAccess staffAccess)
    {
        var request = AnalysisEndpoints.Parse(context.Request, VacantExportUseCase.Instance);
        var result = VacantExportUseCase.Instance.Run(data, request);
        var staff = staffAccess.IsStaff(context);
        context.Response.ContentType = "application/geo+json";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"vacant_houses.geojson\"";
        await VacantHouseExporter.WriteAsync(context.Response.Body, result.Houses, staff, context.RequestAborted);
    }
}
