using System.ComponentModel.DataAnnotations;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>HTTP-level settings (<c>Api</c> section).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. Default 10 MiB + 64 KiB of envelope.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Api:MaxRequestBodyBytes must be between 1024 and 1073741824")]
    public long MaxRequestBodyBytes { get; set; } = (10L << 20) + (64 << 10);

    /// <summary>How long a stopping service waits for requests in flight and background work, in seconds. Default 20.</summary>
    [Range(1, 600, ErrorMessage = "Api:ShutdownTimeoutSeconds must be between 1 and 600")]
    public int ShutdownTimeoutSeconds { get; set; } = 20;
}
