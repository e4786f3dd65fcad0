using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Ingestion;

/// <summary>
/// Small limits so size checks are cheap to hit; one attempt before dead-lettering; four indexer loops claiming
/// small batches, so concurrent requests are settled by different loops at once.
/// </summary>
public class IngestionApiFactory : ApiFactory
{
    public const int MaxBatchItems = 5;
    public const int MaxBatchBytes = 8192;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Ingestion:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:MaxBatchBytes"] = MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Ingestion:MaxAttempts"] = "1";
        settings["Ingestion:IndexerWorkers"] = "4";
        settings["Ingestion:IndexerBatchSize"] = "7";
    }
}

/// <summary>The same with write-through off: every item waits in the ingest log for the indexer loops.</summary>
public sealed class LoggedIngestionApiFactory : IngestionApiFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Ingestion:WriteThrough"] = "false";
    }
}
