namespace FoodFast.Analytics.Api.Security.RateLimiting;

/// <summary><c>Security:FailedCredentials</c>: how many refused credentials one client IP may send before it is slowed down.</summary>
public sealed class FailedCredentialOptions
{
    /// <summary>Refused credentials (unknown, expired or revoked keys; invalid tokens) allowed per IP within the window. Default 20; 0 turns the limit off.</summary>
    public int MaxFailures { get; set; } = 20;

    /// <summary>The sliding window, in seconds. Default 60: an IP at the limit may try again once its oldest failure is this old.</summary>
    public int WindowSeconds { get; set; } = 60;
}
