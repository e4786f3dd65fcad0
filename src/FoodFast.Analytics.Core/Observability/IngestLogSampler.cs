using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Core.Observability;

/// <summary>Reads the ingest log's depth and oldest entry for the gauges; while the log cannot be read they are left out.</summary>
public sealed class IngestLogSampler(IIngestLog log, FoodFastMetrics metrics) : IScrapeRefresher
{
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.IngestLog(await log.StatsAsync(cancellationToken));
        }
        catch (DependencyFailedException failed)
        {
            metrics.IngestLog(null);
            metrics.DependencyError(failed.Dependency);
        }
    }
}
