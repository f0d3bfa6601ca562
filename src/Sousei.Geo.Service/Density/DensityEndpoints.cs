using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Report;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Density;

/// <summary>
/// <c>GET /api/density</c>, <c>/api/trend</c> and <c>/api/report</c>: the planner's analyses, the same numbers and
/// keys as <c>sousei density|trend|report --format json</c> (one use case each, see src/Sousei.Geo.Analysis).
/// </summary>
internal static class DensityEndpoints
{
    public static IEndpointRouteBuilder MapDensity(this IEndpointRouteBuilder app)
    {
        app.MapAnalysis("/api/density", DensityUseCase.Instance, "Density");
        app.MapAnalysis("/api/trend", TrendUseCase.Instance, "Density");
        app.MapAnalysis("/api/report", ReportUseCase.Instance, "Report");
        app.MapDocuments("/api/report", ReportUseCase.Instance, "Report");
        return app;
    }
}
