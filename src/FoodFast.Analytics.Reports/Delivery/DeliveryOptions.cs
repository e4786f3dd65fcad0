using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>Settings of report delivery (<c>Delivery</c>): SMTP, webhooks, retries and signed download links.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Largest file sent as an e-mail attachment, in bytes; a larger one is sent as a signed link. Default 10 MiB.</summary>
    [Range(0, 1L << 30)]
    public long MaxAttachmentBytes { get; set; } = 10 << 20;

    /// <summary>
    /// HMAC key of download links (at least 32 characters). Unset: one is generated once and kept in the service
    /// database (<c>service_secrets</c>), so every instance on that database signs and verifies with the same key.
    /// </summary>
    [MinLength(32)]
    public string? LinkSigningKey { get; set; }

    /// <summary>How long a delivered download link works, in hours (never past the file's own expiry). Default 72.</summary>
    [Range(1, 24 * 366)]
    public int LinkLifetimeHours { get; set; } = 72;

    /// <summary>The service's address as receivers reach it, for links (e.g. https://analytics.foodfast.example). Default: the first of <c>Urls</c>.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Webhook signing secret for targets that bring none (16+ characters). Unset: every webhook target needs its own.</summary>
    [MinLength(16)]
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Let webhooks reach private, loopback and link-local addresses (on-premises receivers). Default false: such
    /// targets fail, so a shop's key cannot make the service call into its own network.
    /// </summary>
    public bool AllowPrivateNetworkWebhooks { get; set; }

    /// <summary>Sends tried per target before it is recorded as failed. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry, in milliseconds; it doubles each time (2 s, 4 s, 8 s, 16 s by default).</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 2000;

    /// <summary>Longest one webhook call or SMTP conversation may take, in seconds. Default 30.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The SMTP server reports are mailed through (<c>Delivery:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty (default): e-mail delivery is off, and e-mail targets fail with a message saying so.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required when true). Default true.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>SMTP AUTH user; empty: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>FoodFast Analytics &lt;reports@foodfast.example&gt;</c>.</summary>
    public string From { get; set; } = "reports@foodfast.invalid";
}
