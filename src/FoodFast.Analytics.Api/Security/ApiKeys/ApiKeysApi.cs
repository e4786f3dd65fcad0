using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security.RateLimiting;
using FoodFast.Analytics.ServiceData.ApiKeys;
using FoodFast.Analytics.ServiceData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary><c>/api/v1/admin/api-keys</c>: create (the key is shown once), list, read and revoke keys. Admin only, audited.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/admin/api-keys").WithTags("API keys")
            .RequireRole(Role.Admin)
            .RequireRateLimiting(RateLimitPolicies.Queries);

        keys.MapPost("", CreateApiKey).WithName("CreateApiKey").Audited("api_key.create")
            .WithSummary("Create an API key; the answer is the only time the key is shown.");
        keys.MapGet("", ListApiKeys).WithName("ListApiKeys").Audited("api_key.list")
            .WithSummary("List keys, newest first (prefix and metadata, never the key or its hash).");
        keys.MapGet("/{id:guid}", GetApiKey).WithName("GetApiKey").Audited("api_key.read")
            .WithSummary("One key's metadata.");
        keys.MapDelete("/{id:guid}", RevokeApiKey).WithName("RevokeApiKey").Audited("api_key.revoke")
            .WithSummary("Revoke a key; every instance refuses it within seconds. Revoking twice is harmless.");
        return keys;
    }

    public static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest request, Caller caller, HttpContext http, ServiceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = CreateApiKeyValidation.Errors(request, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return FieldProblems.Invalid(errors);
        }
        var key = ApiKeyFormat.Generate();
        var record = new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            Prefix = ApiKeyFormat.Prefix(key),
            KeyHash = ApiKeyFormat.Hash(key),
            Roles = request.Roles!.Distinct().ToArray(),
            ShopId = request.ShopId,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = request.ExpiresAt,
            CreatedBy = caller.Id,
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        http.SetAuditTarget($"api-keys/{record.Id}", record.ShopId);
        return TypedResults.Created($"/api/v1/admin/api-keys/{record.Id}", new CreatedApiKey(key, ApiKeyInfo.From(record)));
    }

    public static async Task<Ok<List<ApiKeyInfo>>> ListApiKeys(bool? includeRevoked, ServiceDbContext db, CancellationToken cancellationToken)
    {
        var query = db.ApiKeys.AsNoTracking();
        if (includeRevoked != true)
        {
            query = query.Where(k => k.RevokedAt == null);
        }
        var keys = await query.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyInfo.From).ToList());
    }

    public static async Task<Results<Ok<ApiKeyInfo>, ProblemHttpResult>> GetApiKey(Guid id, ServiceDbContext db, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken) is { } key
            ? TypedResults.Ok(ApiKeyInfo.From(key))
            : NotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        Guid id, HttpContext http, ServiceDbContext db, ApiKeyLookup lookup, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken) is not { } key)
        {
            return NotFound(id);
        }
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        lookup.Forget(key.KeyHash);
        http.SetAuditTarget($"api-keys/{key.Id}", key.ShopId);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No API key with id {id}.");
}
