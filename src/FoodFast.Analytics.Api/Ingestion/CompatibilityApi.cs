using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>
/// The paths FoodFast services call today, mapped onto the same model and pipeline. Each takes one item
/// or an array. <c>/core/collect/</c> takes the EcoMarket collector shape (snake_case, fields under <c>data</c>).
/// </summary>
internal static class CompatibilityApi
{
    public static void MapCompatibilityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Ingestion (compatibility)");
        api.MapPost("/analytics/events/track", TrackEvents).WithName("TrackEvents").WithDescription(IngestionApi.Limits)
            .WithSummary("Alias of POST /api/v1/events/batch (one event or an array).");
        api.MapPost("/analytics/user-activity/index", TrackEvents).WithName("IndexUserActivity").WithDescription(IngestionApi.Limits)
            .WithSummary("Alias of POST /api/v1/events/batch (one event or an array).");
        api.MapPost("/analytics/orders/index", IndexOrders).WithName("IndexOrders").WithDescription(IngestionApi.Limits)
            .WithSummary("Alias of POST /api/v1/orders/batch (one order or an array).");
        api.MapPost("/core/collect/", Collect).WithName("CollectEvent").WithDescription(IngestionApi.Limits)
            .WithSummary("EcoMarket collector: {category, event_type, user_id, session_id, shop_id, event_id?, timestamp?, data{...}}.");
    }

    public static Task<IngestAnswer> TrackEvents(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.BatchAsync(request, ingestor, IngestKind.Event, IngestionHandler.Events, wait ?? false, cancellationToken);

    public static Task<IngestAnswer> IndexOrders(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.BatchAsync(request, ingestor, IngestKind.Order, IngestionHandler.Orders, wait ?? false, cancellationToken);

    public static Task<IngestAnswer> Collect(HttpRequest request, Ingestor ingestor, bool? wait, CancellationToken cancellationToken) =>
        IngestionHandler.BatchAsync(request, ingestor, IngestKind.Event, CollectorShape.Reader, wait ?? false, cancellationToken);
}

/// <summary>Maps the EcoMarket collector's snake_case shape onto an activity event.</summary>
internal static class CollectorShape
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["shop_id"] = "shopId", ["event_id"] = "eventId", ["category"] = "category", ["event_type"] = "type",
        ["user_id"] = "userId", ["session_id"] = "sessionId", ["product_id"] = "productId", ["product_name"] = "productName",
        ["product_category"] = "productCategory", ["quantity"] = "quantity", ["price"] = "value", ["value"] = "value",
        ["currency"] = "currency", ["order_id"] = "orderId", ["query"] = "query", ["results_count"] = "resultsCount",
        ["rating"] = "rating", ["stock_level"] = "stockLevel", ["url"] = "url", ["referrer"] = "referrer",
        ["device"] = "device", ["country"] = "country", ["timestamp"] = "occurredAt", ["occurred_at"] = "occurredAt",
    };

    /// <summary>
    /// Known fields (top level or under <c>data</c>) map to the model; other <c>data</c> entries become properties.
    /// Without an <c>event_id</c>, a body with a timestamp gets an id derived from its content (so a retried send
    /// counts once); without either, a fresh id (so the collector's duplicates cannot be recognised).
    /// A field whose name or value is not valid Unicode is a problem named by its collector path; the event is then null.
    /// </summary>
    /// <summary>One collector item read as an event; its problems name the collector's own fields (<c>user_id</c>, <c>data.price</c>).</summary>
    public static readonly ItemReader Reader = (json, rules, problems) =>
    {
        var before = problems.Count;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var entry = ToEvent(json, rules.Now, problems, sources) is { } activity ? IngestionHandler.Events(activity, rules, problems) : null;
        for (var i = before; i < problems.Count; i++)
        {
            problems[i] = problems[i] with { Field = sources.GetValueOrDefault(problems[i].Field, problems[i].Field) };
        }
        return entry;
    };

    private static JsonElement? ToEvent(JsonElement collected, DateTimeOffset now, List<FieldProblem> problems, Dictionary<string, string> sources)
    {
        if (collected.ValueKind != JsonValueKind.Object)
        {
            return collected;
        }
        var before = problems.Count;
        var result = new JsonObject();
        var properties = new JsonObject();
        Copy(collected, "", result, properties: null, problems, sources);
        if (collected.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            Copy(data, "data.", result, properties, problems, sources);
        }
        if (problems.Count > before)
        {
            return null;
        }
        if (properties.Count > 0)
        {
            result["properties"] = properties;
            sources["properties"] = "data";
        }
        if (!result.ContainsKey("eventId"))
        {
            result["eventId"] = result.ContainsKey("occurredAt") ? ContentId(collected).ToString() : Guid.NewGuid().ToString();
        }
        result["occurredAt"] ??= now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToElement(result);
    }

    /// <summary>Copies known fields to the model and the rest of <c>data</c> to properties, noting where each model field came from.</summary>
    private static void Copy(JsonElement source, string path, JsonObject target, JsonObject? properties, List<FieldProblem> problems, Dictionary<string, string> sources)
    {
        foreach (var field in source.EnumerateObject())
        {
            if (!JsonText.TryGetName(field, out var key) || !Patterns.IsStorableText(key))
            {
                problems.Add(new FieldProblem(path.Length == 0 ? "$" : "data", "keys must be valid Unicode text without NUL characters"));
                continue;
            }
            if (!IsText(field.Value))
            {
                problems.Add(new FieldProblem(path + key, "must be valid Unicode text without NUL characters"));
                continue;
            }
            if (Fields.TryGetValue(key, out var name))
            {
                target[name] = JsonNode.Parse(field.Value.GetRawText());
                sources[name] = path + key;
            }
            else if (properties is not null)
            {
                properties[key] = JsonNode.Parse(field.Value.GetRawText());
                sources[$"properties.{key}"] = path + key;
            }
        }
    }

    /// <summary>Strings hold storable text, nested values valid UTF-8; the rest is judged by the event reader.</summary>
    private static bool IsText(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return JsonText.TryGetString(value, out var text) && Patterns.IsStorableText(text);
        }
        try
        {
            _ = value.GetRawText();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Guid ContentId(JsonElement body)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body.GetRawText()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
