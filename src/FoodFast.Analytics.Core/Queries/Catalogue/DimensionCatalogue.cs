namespace FoodFast.Analytics.Core.Queries.Catalogue;

/// <summary>A group-by and filter dimension: a keyword field, or a part of the row's time read in the query's time zone.</summary>
/// <param name="Field">The field (Postgres column and Elasticsearch field of the same name); null for time parts.</param>
/// <param name="LabelField">A readable name to return beside the key (product name beside product id).</param>
public sealed record DimensionDefinition(string Name, string? Field, string? LabelField = null, TimePart? TimePart = null);

public enum TimePart
{
    /// <summary>ISO day of week: 1 = Monday ... 7 = Sunday.</summary>
    DayOfWeek,

    /// <summary>0-23.</summary>
    HourOfDay,
}

public static class DimensionCatalogue
{
    private static readonly DimensionDefinition DayOfWeek = new("day_of_week", null, TimePart: TimePart.DayOfWeek);
    private static readonly DimensionDefinition HourOfDay = new("hour_of_day", null, TimePart: TimePart.HourOfDay);

    private static readonly Dictionary<string, IReadOnlyDictionary<string, DimensionDefinition>> ByDataset = new()
    {
        [Datasets.Orders] = new DimensionDefinition[]
        {
            new("status", "status"), new("channel", "channel"), new("payment_method", "payment_method"), new("country", "country"),
            new("city", "city"), new("currency", "currency"), DayOfWeek, HourOfDay,
        }.ToDictionary(d => d.Name),
        [Datasets.OrderItems] = new DimensionDefinition[]
        {
            new("status", "status"), new("channel", "channel"), new("country", "country"), new("currency", "currency"),
            new("category", "category"), new("product", "product_id", "product_name"), new("brand", "brand"), DayOfWeek, HourOfDay,
        }.ToDictionary(d => d.Name),
        [Datasets.Events] = new DimensionDefinition[]
        {
            new("event_type", "type"), new("event_category", "category"), new("device", "device"), new("country", "country"),
            new("category", "product_category"), new("product", "product_id", "product_name"), new("currency", "currency"),
            new("query", "query"), new("rating", "rating"), DayOfWeek, HourOfDay,
        }.ToDictionary(d => d.Name),
    };

    /// <summary>Numeric fields that range filters may use, per dataset.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> RangeFields = new()
    {
        [Datasets.Orders] = ["total", "subtotal", "discount", "shipping", "tax", "units"],
        [Datasets.OrderItems] = ["quantity", "unit_price", "line_total"],
        [Datasets.Events] = ["value", "quantity", "rating", "results_count", "stock_level"],
    };

    public static IReadOnlyDictionary<string, DimensionDefinition> For(string dataset) => ByDataset[dataset];

    public static IReadOnlyList<string> RangeFieldsFor(string dataset) => RangeFields[dataset];
}
