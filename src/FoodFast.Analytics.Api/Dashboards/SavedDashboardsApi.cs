using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.ServiceData.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Dashboards;

/// <summary>
/// <c>/api/v1/dashboards</c>: a shop's saved dashboards (not the KPI <c>/dashboard</c> endpoint). Another shop's dashboard, or
/// a private one of someone else, answers 404; only its owner and admins change it. ETag/If-Match guard updates.
/// </summary>
internal static class SavedDashboardsApi
{
    private const string IdText = "The dashboard's id, as POST answered it or the list shows it.";

    public static void MapSavedDashboardsApi(this IEndpointRouteBuilder app)
    {
        var dashboards = app.MapGroup("/dashboards").WithTags("Saved dashboards");
        dashboards.MapGet("", ListDashboards).WithName("ListSavedDashboards").WithSummary("The dashboards the caller may see, most recently changed first.")
            .ProducesProblem(400);
        dashboards.MapPost("", CreateDashboard).WithName("CreateSavedDashboard")
            .WithSummary("Saves a dashboard: name, public flag, widgets (title, chartType, query). Every query is validated like POST /api/v1/analytics/query.");
        dashboards.MapGet("/{id:guid}", GetDashboard).WithName("GetSavedDashboard").ProducesProblem(404)
            .WithSummary("The dashboard: name, public flag and widgets with their queries; its version is the ETag.");
        dashboards.MapPut("/{id:guid}", UpdateDashboard).WithName("UpdateSavedDashboard")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).WithSummary("Replaces the dashboard; with If-Match, only if it is still that version.");
        dashboards.MapDelete("/{id:guid}", DeleteDashboard).WithName("DeleteSavedDashboard").ProducesProblem(403).ProducesProblem(404).ProducesProblem(412)
            .WithSummary("Deletes the dashboard (its owner or an admin); with If-Match, only if it is still that version.");
        dashboards.MapGet("/{id:guid}/data", GetDashboardData).WithName("GetSavedDashboardData").ProducesProblem(404)
            .WithSummary("Runs every widget's query (through the cache) and answers all results in widget order; a failing widget carries its own problem.");
    }

    public static async Task<Ok<List<DashboardResponse>>> ListDashboards([AsParameters] ShopSelection shop, Caller caller, DashboardStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(Viewer(caller), shop.ShopId, cancellationToken)).Select(DashboardResponse.From).ToList());

    public static async Task<Results<Created<DashboardResponse>, ValidationProblem>> CreateDashboard(SaveDashboardRequest request, Caller caller, DashboardStore store, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var shopId = caller.ResolveShop(request.ShopId);
        var problems = DashboardValidation.Check(request);
        if (shopId is null || !Patterns.IsShopId(shopId))
        {
            problems.Insert(0, new("shopId", $"is required for an all-shops caller: a dashboard belongs to one shop ({Patterns.ShopIdExpected})"));
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid dashboard");
        }
        var now = time.GetUtcNow().ToMicroseconds();
        var dashboard = new DashboardRecord
        {
            Id = Guid.CreateVersion7(), ShopId = shopId!, Name = request.Name!, Owner = caller.Id, IsPublic = request.Public ?? false,
            Widgets = WidgetsJson(request), Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        await store.AddAsync(dashboard, cancellationToken);
        http.Response.Headers.ETag = ETag(dashboard.Version);
        return TypedResults.Created($"/api/v1/dashboards/{dashboard.Id}", DashboardResponse.From(dashboard));
    }

    public static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> GetDashboard([Description(IdText)] Guid id, Caller caller, DashboardStore store, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, Viewer(caller), cancellationToken) is not { } dashboard)
        {
            return NotFound(id);
        }
        http.Response.Headers.ETag = ETag(dashboard.Version);
        return TypedResults.Ok(DashboardResponse.From(dashboard));
    }

    public static async Task<Results<Ok<DashboardResponse>, ValidationProblem, ProblemHttpResult>> UpdateDashboard([Description(IdText)] Guid id, SaveDashboardRequest request, Caller caller, DashboardStore store,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindToChangeAsync(id, caller, store, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var problems = DashboardValidation.Check(request);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid dashboard");
        }
        found!.Name = request.Name!;
        found.IsPublic = request.Public ?? false;
        found.Widgets = WidgetsJson(request);
        found.UpdatedAt = time.GetUtcNow().ToMicroseconds();
        if (!await store.UpdateAsync(found, found.Version, cancellationToken))
        {
            return Stale(id);
        }
        found.Version++;
        http.Response.Headers.ETag = ETag(found.Version);
        return TypedResults.Ok(DashboardResponse.From(found));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDashboard([Description(IdText)] Guid id, Caller caller, DashboardStore store, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindToChangeAsync(id, caller, store, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await store.DeleteAsync(id, found!.Version, cancellationToken) ? TypedResults.NoContent() : Stale(id);
    }

    public static async Task<Results<Ok<DashboardData>, ProblemHttpResult>> GetDashboardData([Description(IdText)] Guid id, Caller caller, DashboardStore store, DashboardRunner runner,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, Viewer(caller), cancellationToken) is not { } dashboard)
        {
            return NotFound(id);
        }
        var widgets = await runner.RunAsync(dashboard.ShopId, DashboardResponse.ReadWidgets(dashboard.Widgets), cancellationToken);
        return TypedResults.Ok(new DashboardData(dashboard.Id, dashboard.Name, dashboard.ShopId, widgets));
    }

    /// <summary>The dashboard when the caller may change it and its If-Match (if any) matches; otherwise the refusal.</summary>
    private static async Task<(DashboardRecord? Found, ProblemHttpResult? Refusal)> FindToChangeAsync(Guid id, Caller caller, DashboardStore store, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, Viewer(caller), cancellationToken) is not { } dashboard)
        {
            return (null, NotFound(id));
        }
        if (dashboard.Owner != caller.Id && !caller.IsAdmin)
        {
            return (null, TypedResults.Problem($"Dashboard {id} is public within the shop, but only its owner or an admin may change it.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not the owner"));
        }
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        return ifMatch.Length > 0 && ifMatch != "*" && ifMatch != ETag(dashboard.Version) ? (null, Stale(id)) : (dashboard, null);
    }

    private static DashboardViewer Viewer(Caller caller) => new(caller.Id, caller.ShopId, caller.IsAdmin);

    private static string WidgetsJson(SaveDashboardRequest request) =>
        JsonSerializer.Serialize((request.Widgets ?? []).Select(w => w with { Query = w.Query! with { ShopId = null } }).ToList(), WireJson.Options);

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"Dashboard {id} does not exist or is not visible to this caller.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Stale(Guid id) =>
        TypedResults.Problem($"Dashboard {id} has changed since it was read (If-Match does not match its ETag); read it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Dashboard changed");
}
