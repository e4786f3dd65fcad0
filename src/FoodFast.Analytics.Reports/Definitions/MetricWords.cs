namespace FoodFast.Analytics.Reports.Definitions;

/// <summary>What people call the catalogue's metrics on a report ("order_count" is "Orders").</summary>
public static class MetricWords
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["revenue"] = "Revenue",
        ["net_revenue"] = "Net revenue",
        ["gross_sales"] = "Gross sales",
        ["order_count"] = "Orders",
        ["aov"] = "Average order value",
        ["units"] = "Units sold",
        ["refund_total"] = "Refunds",
        ["refund_count"] = "Refunded orders",
        ["cancelled_total"] = "Cancelled",
        ["cancelled_count"] = "Cancelled orders",
        ["discount_total"] = "Discounts",
        ["shipping_total"] = "Shipping",
        ["tax_total"] = "Tax",
        ["distinct_customers"] = "Customers",
        ["new_customers"] = "New customers",
        ["returning_customers"] = "Returning customers",
        ["event_count"] = "Events",
        ["unique_users"] = "Users",
        ["unique_sessions"] = "Sessions",
        ["conversion_rate"] = "Conversion rate",
        ["items_per_order"] = "Items per order",
    };

    /// <summary>The metric's words, or its name with spaces and a capital for one not listed.</summary>
    public static string For(string metric) =>
        Words.TryGetValue(metric, out var words) ? words
        : metric.Length == 0 ? metric : char.ToUpperInvariant(metric[0]) + metric[1..].Replace('_', ' ');
}
