using FoodFast.Analytics.Api.Security.Jwt;
using FoodFast.Analytics.Api.Security.RateLimiting;

namespace FoodFast.Analytics.Api.Security;

/// <summary><c>Security</c> section: bootstrap admin key, key cache, optional JWT, rate limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// The first admin key, created when the key table is empty (env <c>ADMIN_API_KEY</c>). At least 32 characters.
    /// Unset: a key is generated and written to <see cref="BootstrapKeyFile"/>.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Where a generated first admin key is written (mode 600). Relative paths resolve against the content root. Default <c>.local/admin-api-key</c>.</summary>
    public string BootstrapKeyFile { get; set; } = ".local/admin-api-key";

    /// <summary>How long a key lookup is reused in-process, in seconds (0-5, default 5): the delay before a revocation bites on every instance.</summary>
    public int KeyCacheSeconds { get; set; } = 5;

    /// <summary>Optional JWT bearer tokens; absent or without <c>Algorithm</c>: only API keys are accepted.</summary>
    public JwtOptions? Jwt { get; set; }

    public RateLimitOptions RateLimits { get; set; } = new();

    public FailedCredentialOptions FailedCredentials { get; set; } = new();

    /// <summary>
    /// Reverse proxies in front of the service, comma-separated addresses or CIDR ranges (<c>10.0.0.5, 172.18.0.0/16</c>):
    /// their <c>X-Forwarded-For</c> names the client. Empty (default): the TCP peer is the client.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    public bool JwtEnabled => Jwt is { Algorithm.Length: > 0 };
}
