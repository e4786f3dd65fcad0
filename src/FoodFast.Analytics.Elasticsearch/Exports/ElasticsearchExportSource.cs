using System.Runtime.CompilerServices;
using System.Text.Json;
using Elastic.Clients.Elasticsearch.QueryDsl;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.Elasticsearch.Queries;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Exports;

/// <summary>
/// Raw exports on Elasticsearch: every document of <c>[from, to)</c> streamed through a point in time and
/// <c>search_after</c> (<see cref="PointInTimeReader"/>: latest PIT id, raw sort values, PIT closed when the stream ends,
/// fails, is abandoned or cancelled), in the order of the Postgres export: time, shop, then the id (and line number).
/// That sort ends with the dataset's unique key, so paging is exact; the point in time also appends <c>_shard_doc</c>
/// after it (the Elasticsearch reference, "Paginate search results": search_after with a point in time).
/// Rows are mapped by <see cref="ExportRows"/> to the same records and values as <c>PostgresExportSource</c>.
/// </summary>
public sealed class ElasticsearchExportSource(ClusterClient client, IndexNames names, ILogger<ElasticsearchExportSource> logger)
    : IExportSource
{
    /// <summary>Hits per page: memory holds one page; each page is one request.</summary>
    public int PageSize { get; init; } = 5000;

    /// <summary>Elasticsearch has no CSV output: the rows are formatted by the report writer.</summary>
    public Task<TextReader?> OpenCsvAsync(string dataset, ExportRange range, CancellationToken cancellationToken) => Task.FromResult<TextReader?>(null);

    public IAsyncEnumerable<ExportedOrder> OrdersAsync(ExportRange range, CancellationToken cancellationToken) =>
        StreamAsync(OrdersRequest(range), ExportRows.Order, cancellationToken);

    public IAsyncEnumerable<ExportedOrderItem> OrderItemsAsync(ExportRange range, CancellationToken cancellationToken) =>
        StreamAsync(OrderItemsRequest(range), ExportRows.OrderItem, cancellationToken);

    public IAsyncEnumerable<ExportedEvent> EventsAsync(ExportRange range, CancellationToken cancellationToken) =>
        StreamAsync(EventsRequest(range), ExportRows.Event, cancellationToken);

    public PointInTimeQuery OrdersRequest(ExportRange range) =>
        Request(names.Orders.ReadAlias, "created_at", range, ["order_id"], ExportRows.OrderFields);

    public PointInTimeQuery OrderItemsRequest(ExportRange range) =>
        Request(names.OrderLines.ReadAlias, "created_at", range, ["order_id", "line_no"], ExportRows.OrderItemFields);

    public PointInTimeQuery EventsRequest(ExportRange range) =>
        Request(names.Events.ReadAlias, "@timestamp", range, ["event_id"], ExportRows.EventFields);

    private PointInTimeQuery Request(string index, string timeField, ExportRange range, string[] key, IReadOnlyList<string> fields)
    {
        var filter = SearchFilters.Scope(range.ShopId);
        filter.Add(SearchFilters.Range(timeField, range.From, range.To));
        // A slow writer (a PDF page, a big XLSX sheet) may take a while between two pages: 5 minutes of slack.
        return new PointInTimeQuery(index, new BoolQuery { Filter = filter }, [timeField, "shop_id", .. key])
        {
            PageSize = PageSize,
            KeepAlive = "5m",
            Source = fields,
        };
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(PointInTimeQuery query, Func<JsonElement, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new PointInTimeReader(client, logger);
        await foreach (var hit in reader.StreamAsync(query, cancellationToken))
        {
            yield return map(hit.Source);
        }
    }
}
