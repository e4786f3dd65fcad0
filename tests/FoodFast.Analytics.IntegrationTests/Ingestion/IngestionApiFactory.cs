using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Ingestion;

/// <summary>Small limits so size checks are cheap to hit; one attempt before dead-lettering.</summary>
public sealed class IngestionApiFactory : ApiFactory
{
    public const int MaxBatchItems = 5;
    public const int MaxBatchBytes = 8192;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Ingestion:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:MaxBatchBytes"] = MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:MaxAttempts"] = "1";
    }
}
