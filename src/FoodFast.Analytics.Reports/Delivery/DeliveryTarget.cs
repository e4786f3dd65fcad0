using System.Text.Json;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>
/// Where a finished report goes: <c>{"type": "email", "to": ["ops@shop.example"]}</c> or
/// <c>{"type": "webhook", "url": "https://...", "secret": "..."}</c>. The secret is write-only: never sent back.
/// </summary>
public sealed record DeliveryTarget
{
    public const string Email = "email";
    public const string Webhook = "webhook";

    /// <summary><c>email</c> or <c>webhook</c>.</summary>
    public string? Type { get; init; }

    /// <summary>E-mail: the recipients' addresses (1-20).</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Webhook: the absolute http(s) URL the job's JSON is POSTed to.</summary>
    public string? Url { get; init; }

    /// <summary>Webhook: the HMAC-SHA256 key of the signature header (16-256 characters); default <c>Delivery:WebhookSecret</c>.</summary>
    public string? Secret { get; init; }

    /// <summary>The target as shown to clients: without its secret.</summary>
    public DeliveryTarget Public() => this with { Secret = null };
}

/// <summary>One target of a job and how its delivery went: <c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
/// <param name="Attempts">Sends tried so far (at most <c>Delivery:MaxAttempts</c>).</param>
/// <param name="LastError">Why the last attempt failed; null once delivered.</param>
public sealed record DeliveryOutcome(DeliveryTarget Target, string Status, int Attempts = 0, string? LastError = null, DateTimeOffset? DeliveredAt = null)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public DeliveryOutcome Public() => this with { Target = Target.Public() };
}

/// <summary>The JSON of the <c>delivery</c> columns (jsonb) of schedules and jobs.</summary>
public static class DeliveryJson
{
    public static IReadOnlyList<DeliveryTarget> Targets(string json) =>
        JsonSerializer.Deserialize<List<DeliveryTarget>>(json, WireJson.Options) ?? [];

    public static IReadOnlyList<DeliveryOutcome> Outcomes(string json) =>
        JsonSerializer.Deserialize<List<DeliveryOutcome>>(json, WireJson.Options) ?? [];

    public static string Write<T>(IEnumerable<T>? items) => JsonSerializer.Serialize((items ?? []).ToList(), WireJson.Options);

    /// <summary>A new job's outcomes: every target pending.</summary>
    public static string Pending(IEnumerable<DeliveryTarget>? targets) =>
        Write((targets ?? []).Select(t => new DeliveryOutcome(t, DeliveryOutcome.Pending)));
}
