using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// Every field the dashboards use exists, with a fitting type, in the mappings the service installs (read from its own
/// embedded templates), and none is nested: Lens cannot chart nested fields.
/// </summary>
public sealed class SavedObjectFieldTests
{
    private static readonly HashSet<string> Numeric = ["long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long"];
    private static readonly HashSet<string> Aggregatable = [.. Numeric, "keyword", "date", "date_nanos", "boolean", "ip"];
    private static readonly HashSet<string> NumericOperations = ["sum", "average", "median", "min", "max", "percentile", "standard_deviation"];

    [Fact]
    public void Data_views_read_the_services_aliases_and_data_stream_by_a_date_time_field()
    {
        var views = SavedObjects.OfType("index-pattern").ToDictionary(v => v.Id, v => ((string)v.Attributes["title"]!, (string)v.Attributes["timeFieldName"]!));

        Assert.Equal(new Dictionary<string, (string, string)>
        {
            ["foodfast-orders"] = ("ff-orders", "created_at"),
            ["foodfast-order-lines"] = ("ff-order-lines", "created_at"),
            ["foodfast-events"] = ("ff-events", "@timestamp"),
        }, views);
        Assert.Equal(InstalledMappings.ReadTargets.Order(StringComparer.Ordinal), views.Values.Select(v => v.Item1).Order(StringComparer.Ordinal));
        Assert.All(views.Values, v => Assert.Equal("date", InstalledMappings.For(v.Item1)[v.Item2].Type));
    }

    [Fact]
    public void Every_used_field_is_mapped_and_not_nested()
    {
        var problems = FieldUses.All
            .Select(use => (use, field: InstalledMappings.For(Title(use.DataViewId)).GetValueOrDefault(use.Field)))
            .Where(u => u.field is null || u.field.UnderNested)
            .Select(u => $"{u.use}: {(u.field is null ? "not in the mappings" : "nested")}");

        Assert.Empty(problems);
    }

    [Fact]
    public void The_dashboards_use_exactly_these_fields()
    {
        var used = FieldUses.All.GroupBy(u => u.DataViewId)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(u => u.Field).Distinct().Order(StringComparer.Ordinal)));

        Assert.Equal(new Dictionary<string, string>
        {
            ["foodfast-orders"] = "country,created_at,currency,payment_method,shop_id,status,total",
            ["foodfast-order-lines"] = "category,currency,line_total,product_name.keyword,quantity",
            ["foodfast-events"] = "@timestamp,device,query.keyword,results_count,session_id,shop_id,type",
        }, used);
    }

    [Fact]
    public void Operations_get_fields_of_a_type_they_can_aggregate()
    {
        var problems = new List<string>();
        foreach (var use in FieldUses.All)
        {
            var type = InstalledMappings.For(Title(use.DataViewId))[use.Field].Type;
            var fits = use.Operation switch
            {
                "date_histogram" => type is "date" or "date_nanos",
                "terms" or "unique_count" or "control" => Aggregatable.Contains(type),
                _ when NumericOperations.Contains(use.Operation) => Numeric.Contains(type),
                "kql" => true,
                _ => false,
            };
            if (!fits)
            {
                problems.Add($"{use}: field type {type}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Money_is_summed_or_averaged_only_when_split_by_currency()
    {
        var moneyLenses = FieldUses.All
            .Where(u => NumericOperations.Contains(u.Operation) && InstalledMappings.For(Title(u.DataViewId))[u.Field].Type == "scaled_float")
            .Select(u => u.Owner).Distinct().ToList();

        Assert.Equal(["ff-lens-revenue", "ff-lens-aov", "ff-lens-revenue-over-time", "ff-lens-revenue-by-category", "ff-lens-revenue-by-country"],
            moneyLenses.Select(l => l.Id));
        Assert.All(moneyLenses, lens => Assert.Contains(FieldUses.OfLens(lens), u => u.Operation == "terms" && u.Field == "currency"));
    }

    [Fact]
    public void Query_values_on_enum_fields_are_wire_names_the_service_writes()
    {
        var known = new Dictionary<string, IReadOnlyList<string>>
        {
            ["type"] = WireNames.All<ActivityType>(),
            ["status"] = WireNames.All<OrderStatus>(),
            ["payment_method"] = WireNames.All<PaymentMethod>(),
        };

        var checkedUses = FieldUses.All.Where(u => u.Value is not null && known.ContainsKey(u.Field)).ToList();

        Assert.Equal(6, checkedUses.Count);
        Assert.All(checkedUses, u => Assert.Contains(u.Value, known[u.Field]));
    }

    [Fact]
    public void The_funnel_counts_its_four_steps_in_order()
    {
        var funnel = SavedObjects.Get("lens", "ff-lens-funnel");

        var steps = FieldUses.OfLens(funnel).Where(u => u.Operation == "kql").Select(u => $"{u.Field}={u.Value}");

        Assert.Equal(["type=product_view", "type=add_to_cart", "type=checkout_start", "type=purchase"], steps);
    }

    [Fact]
    public void Zero_result_searches_are_searches_with_no_results()
    {
        var panel = SavedObjects.Get("lens", "ff-lens-zero-result-searches");

        var conditions = FieldUses.OfLens(panel).Where(u => u.Operation == "kql").Select(u => $"{u.Field}={u.Value}");

        Assert.Equal(["type=search", "results_count=0"], conditions);
    }

    private static string Title(string dataViewId) => (string)SavedObjects.Get("index-pattern", dataViewId).Attributes["title"]!;
}
