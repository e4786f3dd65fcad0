using System.Text.Json;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>
/// Orders and activity events in: validated, appended durably to the ingest log, answered 202, and moved
/// into the analytics store by the indexer within about a second. <c>?wait=true</c> answers after that.
/// </summary>
internal static class IngestionApi
{
    /// <summary>Every ingest limit with its setting (docs/ingestion.md, "Limits"), in each ingestion operation's description.</summary>
    public static readonly string Limits =
        $"Limits (setting, default): items per batch Ingestion:MaxBatchItems 10,000; batch body Ingestion:MaxBatchBytes 10 MiB; "
        + $"single-item body Ingestion:MaxItemBytes 1 MiB; lines per order Ingestion:MaxLinesPerOrder {ValidationRules.DefaultMaxLinesPerOrder:N0}; "
        + $"keys in an event's properties Ingestion:MaxPropertyKeys {ValidationRules.DefaultMaxPropertyKeys}. Strings: ids {ValidationRules.IdLength} characters, "
        + $"names {ValidationRules.NameLength}, other texts {ValidationRules.TextLength}, URLs {ValidationRules.UrlLength}; valid Unicode without NUL. "
        + "Money: a JSON number or a decimal string such as \"12.50\". A rejection names the field, and for a limit its setting.";

    public static void MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Ingestion");
        api.MapPost("/orders", IngestOrder).WithName("IngestOrder").WithDescription(Limits)
            .WithSummary("Ingest one order (upserted by shopId + orderId; the newest updatedAt wins).")
            .Accepts<Order>("application/json");
        api.MapPost("/orders/batch", IngestOrders).WithName("IngestOrders").WithDescription(Limits)
            .WithSummary("Ingest a batch of orders as a JSON array or NDJSON; each item is judged alone.")
            .Accepts<Order[]>("application/json", IngestionBody.NdJson);
        api.MapPatch("/orders/{orderId}/status", ChangeOrderStatus).WithName("ChangeOrderStatus").WithDescription(Limits)
            .WithSummary("Change an order's status; ignored when older than the stored order.")
            .Accepts<StatusChangeRequest>("application/json");
        api.MapPost("/events", IngestEvent).WithName("IngestEvent").WithDescription(Limits)
            .WithSummary("Ingest one activity event (idempotent on eventId).")
            .Accepts<Core.Events.ActivityEvent>("application/json");
        api.MapPost("/events/batch", IngestEvents).WithName("IngestEvents").WithDescription(Limits)
            .WithSummary("Ingest a batch of activity events as a JSON array or NDJSON; each item is judged alone.")
            .Accepts<Core.Events.ActivityEvent[]>("application/json", IngestionBody.NdJson);
    }

    public static Task<IngestAnswer> IngestOrder(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.SingleAsync(request, ingestor, IngestKind.Order, IngestionHandler.Orders, "order", wait ?? false, cancellationToken);

    public static Task<IngestAnswer> IngestOrders(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.BatchAsync(request, ingestor, IngestKind.Order, IngestionHandler.Orders, wait ?? false, cancellationToken);

    public static Task<IngestAnswer> IngestEvent(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.SingleAsync(request, ingestor, IngestKind.Event, IngestionHandler.Events, "event", wait ?? false, cancellationToken);

    public static Task<IngestAnswer> IngestEvents(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.BatchAsync(request, ingestor, IngestKind.Event, IngestionHandler.Events, wait ?? false, cancellationToken);

    public static Task<IngestAnswer> ChangeOrderStatus(string orderId, HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken)
    {
        ItemReader reader = (json, rules, problems) => ReadStatusChange(orderId, json, rules, problems) is { } change ? IngestEntry.Of(change) : null;
        return IngestionHandler.SingleAsync(request, ingestor, IngestKind.OrderStatus, reader, "status change", wait ?? false, cancellationToken);
    }

    private static OrderStatusChange? ReadStatusChange(string orderId, JsonElement json, ValidationRules rules, List<FieldProblem> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FieldProblem("$", $"must be a JSON object {{shopId, status, updatedAt}}, got {FieldReader.Received(json)}"));
            return null;
        }
        var before = problems.Count;
        var r = new FieldReader(json, "", problems);
        var shopId = r.ShopId();
        var status = r.Enum<OrderStatus>("status", required: true);
        var updatedAt = r.Timestamp("updatedAt", rules, required: true);
        if (orderId.Length > ValidationRules.IdLength)
        {
            problems.Add(new FieldProblem("orderId", $"must be at most {ValidationRules.IdLength} characters"));
        }
        return problems.Count > before ? null
            : new OrderStatusChange { ShopId = shopId!, OrderId = orderId, Status = status!.Value, UpdatedAt = updatedAt!.Value };
    }
}

/// <summary>Body of <c>PATCH /api/v1/orders/{orderId}/status</c>.</summary>
public sealed record StatusChangeRequest(string ShopId, OrderStatus Status, DateTimeOffset UpdatedAt);
