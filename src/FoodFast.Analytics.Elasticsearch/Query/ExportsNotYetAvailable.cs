using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The export face of the Elasticsearch store until its point-in-time export source is written: every call
/// answers with a 501 problem saying so, rather than a wrong or empty file. Queries and ingestion work meanwhile.
/// </summary>
internal sealed class ExportsNotYetAvailable : IExportSource
{
    private static NotSupportedException Missing() =>
        new("Exports are not available on the Elasticsearch backend in this build; use Storage:Backend=Postgres for raw exports.");

    public IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing();

    public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing();

    public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) => throw Missing();
}
