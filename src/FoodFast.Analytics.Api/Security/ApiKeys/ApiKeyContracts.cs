using System.ComponentModel;
using FoodFast.Analytics.ServiceData.ApiKeys;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>A new key. Non-admin keys must name their shop; admin keys span all shops and must not.</summary>
public sealed record CreateApiKeyRequest(
    [property: Description("What the key is for, e.g. 'checkout service'.")] string? Name,
    [property: Description("One or more of ingest, analyst, admin.")] string[]? Roles,
    [property: Description("The one shop the key may see; omit for admin keys.")] string? ShopId,
    [property: Description("When the key stops working (optional, in the future).")] DateTimeOffset? ExpiresAt);

/// <summary>A key as listed: never the key itself or its hash.</summary>
public sealed record ApiKeyInfo(
    Guid Id, string Name, string Prefix, string[] Roles, string? ShopId,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy)
{
    internal static ApiKeyInfo From(ApiKeyRecord key) =>
        new(key.Id, key.Name, key.Prefix, key.Roles, key.ShopId, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.CreatedBy);
}

/// <summary>The answer to a creation: the only time the key is shown.</summary>
public sealed record CreatedApiKey(
    [property: Description("The secret key. Shown once: store it now.")] string Key,
    ApiKeyInfo Info);
