using System.ComponentModel;
using FoodFast.Analytics.Api.Security.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Security;

/// <summary><c>GET /api/v1/me</c>: what the presented credential is, and which shop a <c>shopId</c> resolves to.</summary>
public static class CallerApi
{
    public static RouteHandlerBuilder MapCallerApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/me", GetMe).WithName("GetMe").WithTags("Security")
            .RequireAnyRole()
            .RequireRateLimiting(RateLimitPolicies.Queries)
            .WithSummary("The caller behind the credential: roles, shop, and the shop scope a request with shopId gets.");

    public static Ok<CallerInfo> GetMe(Caller caller, [Description("A shop to resolve; another shop than the credential's is 403.")] string? shopId)
    {
        var scope = caller.ResolveShop(shopId);
        return TypedResults.Ok(new CallerInfo(caller.Id, caller.KeyId, caller.Roles.Order().Select(r => r.Name()).ToList(), caller.ShopId, scope));
    }
}

/// <param name="Id">The caller id used by rate limits and the audit log.</param>
/// <param name="KeyId">The API key, when one was used.</param>
/// <param name="Roles">The credential's roles.</param>
/// <param name="ShopId">The credential's shop; null means all shops.</param>
/// <param name="ResolvedShopId">The shop a request with the given <c>shopId</c> works on; null means all shops.</param>
public sealed record CallerInfo(string Id, Guid? KeyId, List<string> Roles, string? ShopId, string? ResolvedShopId);
