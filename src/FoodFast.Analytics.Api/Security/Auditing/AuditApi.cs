using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Security.RateLimiting;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.ServiceData.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Security.Auditing;

/// <summary><c>GET /api/v1/admin/audit</c>: the audit log, newest first, paged, filtered by shop and/or action. Admin only.</summary>
public static class AuditApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/admin/audit").WithTags("Audit")
            .RequireRole(Role.Admin)
            .RequireRateLimiting(RateLimitPolicies.Queries);
        audit.MapGet("", GetAuditLog).WithName("GetAuditLog").Audited("audit.read")
            .WithSummary("Audit entries, newest first: who did what to which resource of which shop, and the outcome.");
        return audit;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> GetAuditLog(
        [Description("Only entries of this shop.")] string? shopId,
        [Description("Only entries of this action, e.g. api_key.create.")] string? action,
        AuditLogReader reader, CancellationToken cancellationToken,
        [Description("1-based page number.")] int page = 1,
        [Description($"Entries per page, 1-500.")] int pageSize = 50)
    {
        var errors = new List<FieldProblem>();
        if (page < 1)
        {
            errors.Add(new("page", "page must be 1 or more."));
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
        }
        if (errors.Count > 0)
        {
            return FieldProblems.Invalid(errors);
        }
        var (items, total) = await reader.ReadAsync(Blank(shopId), Blank(action), page, pageSize, cancellationToken);
        return TypedResults.Ok(new AuditPage(page, pageSize, total, items.Select(AuditItem.From).ToList()));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public sealed record AuditPage(int Page, int PageSize, long Total, List<AuditItem> Items);

public sealed record AuditItem(long Id, DateTimeOffset At, string Actor, Guid? KeyId, string Action, string Resource, string? ShopId, string Outcome)
{
    internal static AuditItem From(AuditRecord r) => new(r.Id, r.At, r.Actor, r.KeyId, r.Action, r.Resource, r.ShopId, r.Outcome);
}
