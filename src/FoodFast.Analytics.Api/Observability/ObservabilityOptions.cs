namespace FoodFast.Analytics.Api.Observability;

/// <summary><c>Observability</c> section: who may scrape <c>/metrics</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>
    /// False (default): <c>GET /metrics</c> needs an admin key (Prometheus sends it with
    /// <c>authorization: { type: ApiKey, credentials_file: ... }</c>). True: anyone who can reach the port may scrape,
    /// for a listener that only the monitoring network reaches. The figures hold no shop data either way.
    /// </summary>
    public bool PublicMetrics { get; set; }
}
