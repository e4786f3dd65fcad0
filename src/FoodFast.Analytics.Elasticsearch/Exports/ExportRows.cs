using System.Text.Json;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Elasticsearch.Exports;

/// <summary>
/// From a hit's <c>_source</c> to the export records, with the values Postgres gives: money with two decimals
/// (Postgres <c>numeric(14, 2)</c>; the document keeps what was sent, <c>10</c> or <c>10.0</c>), times in UTC, and an
/// absent field as null (documents are written without null fields).
/// </summary>
public static class ExportRows
{
    public static readonly IReadOnlyList<string> OrderFields =
    [
        "shop_id", "order_id", "customer_id", "status", "created_at", "updated_at", "currency", "channel", "payment_method",
        "country", "city", "coupon_code", "subtotal", "discount", "tax", "shipping", "total", "units", "line_count",
    ];

    public static readonly IReadOnlyList<string> OrderItemFields =
    [
        "shop_id", "order_id", "line_no", "product_id", "product_name", "category", "brand", "quantity", "unit_price",
        "unit_cost", "line_total", "customer_id", "status", "created_at", "currency", "country", "channel",
    ];

    public static readonly IReadOnlyList<string> EventFields =
    [
        "event_id", "shop_id", "@timestamp", "category", "type", "user_id", "session_id", "product_id", "product_name",
        "product_category", "quantity", "value", "currency", "order_id", "query", "device", "country",
    ];

    public static ExportedOrder Order(JsonElement s) => new(
        Text(s, "shop_id"), Text(s, "order_id"), OptionalText(s, "customer_id"), Text(s, "status"), Time(s, "created_at"), Time(s, "updated_at"),
        Text(s, "currency"), Text(s, "channel"), Text(s, "payment_method"), Text(s, "country"), OptionalText(s, "city"), OptionalText(s, "coupon_code"),
        Money(s, "subtotal"), Money(s, "discount"), Money(s, "tax"), Money(s, "shipping"), Money(s, "total"), Int(s, "units"), Int(s, "line_count"));

    public static ExportedOrderItem OrderItem(JsonElement s) => new(
        Text(s, "shop_id"), Text(s, "order_id"), Int(s, "line_no"), Text(s, "product_id"), Text(s, "product_name"), Text(s, "category"),
        OptionalText(s, "brand"), Int(s, "quantity"), Money(s, "unit_price"), OptionalMoney(s, "unit_cost"), Money(s, "line_total"),
        OptionalText(s, "customer_id"), Text(s, "status"), Time(s, "created_at"), Text(s, "currency"), Text(s, "country"), Text(s, "channel"));

    public static ExportedEvent Event(JsonElement s) => new(
        Guid.Parse(Text(s, "event_id")), Text(s, "shop_id"), Time(s, "@timestamp"), Text(s, "category"), Text(s, "type"),
        OptionalText(s, "user_id"), OptionalText(s, "session_id"), OptionalText(s, "product_id"), OptionalText(s, "product_name"),
        OptionalText(s, "product_category"), OptionalInt(s, "quantity"), OptionalMoney(s, "value"), OptionalText(s, "currency"),
        OptionalText(s, "order_id"), OptionalText(s, "query"), OptionalText(s, "device"), OptionalText(s, "country"));

    private static JsonElement? Field(JsonElement source, string name) =>
        source.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement source, string name) =>
        Field(source, name) ?? throw new JsonException($"the stored document has no '{name}'");

    private static string Text(JsonElement source, string name) => Required(source, name).GetString()!;

    private static string? OptionalText(JsonElement source, string name) => Field(source, name)?.GetString();

    private static int Int(JsonElement source, string name) => Required(source, name).GetInt32();

    private static int? OptionalInt(JsonElement source, string name) => Field(source, name)?.GetInt32();

    private static DateTimeOffset Time(JsonElement source, string name) => Required(source, name).GetDateTimeOffset().ToUniversalTime();

    /// <summary>Rounded as Postgres stores <c>numeric(14, 2)</c> (half away from zero), then given exactly two decimals.</summary>
    private static decimal Money(JsonElement source, string name) => TwoDecimals(Required(source, name).GetDecimal());

    private static decimal? OptionalMoney(JsonElement source, string name) => Field(source, name) is { } value ? TwoDecimals(value.GetDecimal()) : null;

    private static decimal TwoDecimals(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
