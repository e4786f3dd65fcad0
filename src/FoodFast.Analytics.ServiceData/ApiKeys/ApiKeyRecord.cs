namespace FoodFast.Analytics.ServiceData.ApiKeys;

/// <summary>A row of <c>api_keys</c>. Never leaves the service as is: the API maps it to a DTO without the hash.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, shown in listings so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key (UTF-8).</summary>
    public byte[] KeyHash { get; set; } = [];

    public string[] Roles { get; set; } = [];

    /// <summary>The one shop the key may see; null means all shops (admin keys only).</summary>
    public string? ShopId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Actor that created the key (<c>key:&lt;id&gt;</c>, <c>jwt:&lt;sub&gt;</c> or <c>bootstrap</c>).</summary>
    public string CreatedBy { get; set; } = "";
}
