namespace FoodFast.Analytics.Core.Observability;

/// <summary>
/// Gauges whose value needs a query (the ingest log's depth) cannot run it inside a synchronous meter callback:
/// a refresher reads the value just before each scrape and hands it to <see cref="FoodFastMetrics"/>.
/// </summary>
public interface IScrapeRefresher
{
    Task RefreshAsync(CancellationToken cancellationToken);
}
