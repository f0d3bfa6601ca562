namespace Sousei.Geo.Service.Privacy;

/// <summary>
/// <c>GET /api/staff</c>: whether the request's <c>X-Api-Key</c> is the staff key, so that the viewer's staff dialog can
/// say when a typed key is wrong. 200 <c>{"staff": true|false}</c> (false: no key given), 401 ProblemDetails for a key
/// that is not the staff key. Rate-limited like the computing endpoints, so that keys cannot be tried quickly; the key is
/// compared in constant time and never logged (<see cref="StaffAccess"/>).
/// </summary>
internal static class StaffEndpoints
{
    public static void MapStaff(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/staff", (HttpContext context, StaffAccess staff) =>
        {
            if (!context.Request.Headers.ContainsKey(StaffAccess.HeaderName))
            {
                return Results.Json(new { staff = false });
            }

            return staff.IsStaff(context)
                ? Results.Json(new { staff = true })
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The staff key is not accepted",
                    detail: "the X-Api-Key header does not hold the staff key; owner fields stay hidden");
        }).WithTags("Privacy").WithSummary("Whether the X-Api-Key header holds the staff key");
}
