using static FoodFast.Analytics.Core.Queries.Catalogue.AggregateFunction;

namespace FoodFast.Analytics.Core.Queries.Catalogue;

/// <summary>
/// The metrics of each dataset. Field names are the same in the Postgres columns and the Elasticsearch
/// documents. Definitions merchants rely on are written out in docs/metrics.md.
/// </summary>
public static class MetricCatalogue
{
    private static MetricDefinition Sum(string name, ValueKind kind, string field, string description, TimeBasis basis = TimeBasis.Primary, RowCondition? when = null) =>
        new(name, kind, description) { Base = new BaseAggregate(AggregateFunction.Sum, field, when), Basis = basis };

    private static MetricDefinition Rows(string name, string description, TimeBasis basis = TimeBasis.Primary) =>
        new(name, ValueKind.Count, description) { Base = new BaseAggregate(Count), Basis = basis };

    private static MetricDefinition Distinct(string name, string field, string description, RowCondition? when = null) =>
        new(name, ValueKind.Count, description) { Base = new BaseAggregate(CountDistinct, field, when) };

    private static MetricDefinition Ratio(string name, ValueKind kind, string left, string right, string description) =>
        new(name, kind, description) { Derived = new Derivation(DerivationKind.Ratio, left, right) };

    private static MetricDefinition Difference(string name, ValueKind kind, string left, string right, string description, string? third = null) =>
        new(name, kind, description) { Derived = new Derivation(DerivationKind.Difference, left, right, third) };

    private static readonly MetricDefinition[] Orders =
    [
        Rows("order_count", "orders placed in the period (every status)"),
        Sum("revenue", ValueKind.Money, "total", "total sales: Σ total of orders placed in the period (goods after discounts, plus tax and shipping)"),
        Sum("gross_sales", ValueKind.Money, "subtotal", "Σ subtotal (line totals before discounts) of orders placed"),
        Sum("discount_total", ValueKind.Money, "discount", "Σ discount of orders placed"),
        Sum("shipping_total", ValueKind.Money, "shipping", "Σ shipping of orders placed"),
        Sum("tax_total", ValueKind.Money, "tax", "Σ tax of orders placed"),
        Sum("units", ValueKind.Quantity, "units", "items sold: Σ quantity of the lines of orders placed"),
        Rows("refund_count", "orders refunded in the period (booked on the refund's day)", TimeBasis.Refunded),
        Sum("refund_total", ValueKind.Money, "total", "Σ total of orders refunded in the period (booked on the refund's day)", TimeBasis.Refunded),
        Rows("cancelled_count", "orders cancelled in the period (booked on the cancellation's day)", TimeBasis.Cancelled),
        Sum("cancelled_total", ValueKind.Money, "total", "Σ total of orders cancelled in the period (booked on the cancellation's day)", TimeBasis.Cancelled),
        Difference("net_revenue", ValueKind.Money, "revenue", "refund_total", "revenue - refund_total - cancelled_total", third: "cancelled_total"),
        Ratio("aov", ValueKind.Money, "revenue", "order_count", "average order value: revenue / order_count"),
        Ratio("items_per_order", ValueKind.Quantity, "units", "order_count", "units / order_count"),
        Ratio("cancellation_rate", ValueKind.Ratio, "cancelled_count", "order_count", "cancelled_count / order_count"),
        Ratio("refund_rate", ValueKind.Ratio, "refund_count", "order_count", "refund_count / order_count"),
        Distinct("distinct_customers", "customer_id", "customers with an order placed in the period"),
        Distinct("new_customers", "customer_id", "customers whose first order of the shop falls in the period (or bucket)", RowCondition.FirstOrderInBucket),
        Difference("returning_customers", ValueKind.Count, "distinct_customers", "new_customers", "distinct_customers - new_customers"),
        new("free_shipping_orders", ValueKind.Count, "orders placed with shipping 0 (the shop carries the shipping)") { Base = new BaseAggregate(Count, When: RowCondition.FreeShipping) },
    ];

    private static readonly MetricDefinition[] OrderItems =
    [
        Rows("line_count", "order lines of orders placed"),
        Distinct("order_count", "order_id", "orders with at least one matching line"),
        Sum("units", ValueKind.Quantity, "quantity", "Σ quantity"),
        Sum("revenue", ValueKind.Money, "line_total", "Σ lineTotal (before order-level discounts, tax and shipping)"),
        Distinct("distinct_customers", "customer_id", "customers who bought a matching line"),
        Sum("costed_revenue", ValueKind.Money, "line_total", "Σ lineTotal of the lines with a known unit cost", when: RowCondition.HasUnitCost),
        Sum("cost", ValueKind.Money, "line_cost", "Σ quantity x unitCost of the lines with a known unit cost", when: RowCondition.HasUnitCost),
        Difference("gross_margin", ValueKind.Money, "costed_revenue", "cost", "costed_revenue - cost (lines with a known unit cost only)"),
        Ratio("margin_rate", ValueKind.Ratio, "gross_margin", "costed_revenue", "gross_margin / costed_revenue"),
    ];

    private static readonly MetricDefinition[] Events =
    [
        Rows("event_count", "events that occurred in the period"),
        Distinct("unique_users", "user_id", "distinct userId"),
        Distinct("unique_sessions", "session_id", "distinct sessionId"),
        Distinct("purchasing_sessions", "session_id", "sessions with a purchase or checkout_complete event", RowCondition.IsPurchase),
        Ratio("conversion_rate", ValueKind.Ratio, "purchasing_sessions", "unique_sessions", "purchasing_sessions / unique_sessions"),
        new("review_count", ValueKind.Count, "events with a rating (reviews)") { Base = new BaseAggregate(Count, When: RowCondition.HasRating) },
        Sum("rating_sum", ValueKind.Quantity, "rating", "Σ rating of reviews", when: RowCondition.HasRating),
        Ratio("average_rating", ValueKind.Quantity, "rating_sum", "review_count", "rating_sum / review_count"),
    ];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, MetricDefinition>> ByDataset = new()
    {
        [Datasets.Orders] = Orders.ToDictionary(m => m.Name),
        [Datasets.OrderItems] = OrderItems.ToDictionary(m => m.Name),
        [Datasets.Events] = Events.ToDictionary(m => m.Name),
    };

    public static IReadOnlyDictionary<string, MetricDefinition> For(string dataset) => ByDataset[dataset];
}
