namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// The API with per-key budgets far above what a test sends: for tests that call every operation in a burst (the
/// authorization matrix, the fuzz test), where a 429 would hide the answer under test. RateLimitTests covers the limits.
/// </summary>
public sealed class UnthrottledApiFactory : ApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Security:RateLimits:Ingestion:TokenLimit"] = "100000";
        settings["Security:RateLimits:Ingestion:TokensPerPeriod"] = "100000";
        settings["Security:RateLimits:Queries:TokenLimit"] = "100000";
        settings["Security:RateLimits:Queries:TokensPerPeriod"] = "100000";
    }
}
