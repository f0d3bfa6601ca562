using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Service.Http;

namespace Sousei.Geo.Service.Vacant;

/// <summary>
/// The vacant-house analyses over HTTP, the use cases of <c>sousei vacant rank</c> and <c>sousei whatif</c> with the
/// same parameters and JSON: <c>GET /api/vacant/ranking</c> (<c>format</c> json|geojson, <c>top</c>, <c>filter</c>,
/// <c>weights</c>, <c>date</c>, <c>no_transit</c>) and <c>GET /api/vacant/whatif</c> (one of <c>occupy_top</c>,
/// <c>occupy_filter</c>, <c>occupy_ids</c> comma separated; …). Rankings are computed once per question and kept by
/// the city. Owner fields are never written.
/// </summary>
internal static class VacantAnalysisEndpoints
{
    public static IEndpointRouteBuilder MapVacantAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapAnalysis("/api/vacant/ranking", VacantRankingUseCase.Instance, "Vacant houses");
        app.MapAnalysis("/api/vacant/whatif", WhatIfUseCase.Instance, "Vacant houses");
        return app;
    }
}
