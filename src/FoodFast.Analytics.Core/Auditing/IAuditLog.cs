namespace FoodFast.Analytics.Core.Auditing;

/// <summary>
/// Records who did what: key management, admin calls, report creation and download, erasure.
/// Call it after acting, with the outcome.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <param name="Actor">Who acted: <c>key:&lt;id&gt;</c> for an API key, <c>jwt:&lt;sub&gt;</c> for a token, <c>system</c> for the service itself.</param>
/// <param name="KeyId">The API key used, when the actor is a key.</param>
/// <param name="Action">Dotted verb, e.g. <c>api_key.create</c>, <c>report.download</c>.</param>
/// <param name="Resource">What was acted on, e.g. <c>api-keys/3f2c...</c>.</param>
/// <param name="ShopId">The shop concerned; null when the action spans all shops.</param>
public sealed record AuditEntry(
    DateTimeOffset At, string Actor, Guid? KeyId, string Action, string Resource, string? ShopId, AuditOutcome Outcome);

public enum AuditOutcome
{
    /// <summary>The action happened.</summary>
    Succeeded,

    /// <summary>The request was refused (bad input, not found, not allowed).</summary>
    Rejected,

    /// <summary>The service failed while acting.</summary>
    Failed,
}
