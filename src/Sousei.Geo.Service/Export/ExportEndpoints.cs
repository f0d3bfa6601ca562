using Sousei.Geo.Analysis;
using Sousei.Geo.Analysis.Export;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.IO.GeoPackage;
using Sousei.Geo.Service.Http;
using Sousei.Geo.Service.Privacy;

namespace Sousei.Geo.Service.Export;

/// <summary>
/// <c>GET /api/export/vacant_houses.geojson</c>: every matching vacant house as one streamed RFC 7946 file (the same
/// bytes as <c>sousei export vacant</c>), and <c>GET /api/vacant_houses/count</c> for the viewer; both take the one
/// filter language (<c>filter</c>) and <c>bbox</c>; <c>GET /api/export/layers.gpkg</c>: the planner's layers as one
/// GeoPackage (the file of <c>sousei export layers</c>; no personal data, whoever asks).
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export/vacant_houses.geojson", Export).WithTags("Export")
            .WithSummary("Vacant houses as an RFC 7946 GeoJSON download (filter, bbox)").WithAnalysisParameters(VacantExportUseCase.Instance.Parameters);
        app.MapAnalysis("/api/vacant_houses/count", VacantExportUseCase.Instance, "Vacant houses");
        app.MapGet("/api/export/layers.gpkg", ExportLayers).WithTags("Export")
            .WithSummary("The planner's layers as one GeoPackage for QGIS (EPSG plane zone; public fields only)").WithAnalysisParameters(LayersExportUseCase.Instance.Parameters);
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

    private static async Task ExportLayers(HttpContext context, City data)
    {
        var request = AnalysisEndpoints.Parse(context.Request, LayersExportUseCase.Instance);
        var result = LayersExportUseCase.Instance.Run(data, request);

        // SQLite writes to a path: a temporary file, removed once sent (or when anything fails).
        var temp = Path.Combine(Path.GetTempPath(), $"sousei-layers-{Guid.NewGuid():N}.gpkg");
        try
        {
            GeoPackageLayerWriter.Write(temp, result.Layers, result.Crs);
            context.Response.ContentType = "application/geopackage+sqlite3";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"layers.gpkg\"";
            context.Response.ContentLength = new FileInfo(temp).Length;
            await context.Response.SendFileAsync(temp, context.RequestAborted);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
