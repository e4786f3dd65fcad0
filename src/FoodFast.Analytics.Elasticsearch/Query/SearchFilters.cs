using System.Globalization;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;

namespace FoodFast.Analytics.Elasticsearch.Query;

/// <summary>
/// The bool filter of an aggregation search (shop, time range on the basis field, dimension and numeric filters),
/// and the runtime fields that read a row's day of week or hour in the query's time zone.
/// </summary>
public static class SearchFilters
{
    public const string DayOfWeekField = "ff_day_of_week";
    public const string HourOfDayField = "ff_hour_of_day";

    // doc[...].value is a ZonedDateTime in UTC; ISO day of week is 1 (Monday) to 7 (Sunday), as in Postgres' isodow.
    private const string DayOfWeekScript = "def d = doc[params.field]; if (d.size() == 0) { return; } emit(String.valueOf(d.value.withZoneSameInstant(ZoneId.of(params.zone)).getDayOfWeek().getValue()));";
    private const string HourOfDayScript = "def d = doc[params.field]; if (d.size() == 0) { return; } emit(String.valueOf(d.value.withZoneSameInstant(ZoneId.of(params.zone)).getHour()));";

    public static string FieldOf(DimensionDefinition dimension) => dimension.TimePart switch
    {
        TimePart.DayOfWeek => DayOfWeekField,
        TimePart.HourOfDay => HourOfDayField,
        _ => Indices.KeywordSubfields.Exact(dimension.Field!),
    };

    public static JsonObject Bool(ValidatedQuery query, SearchPlan plan, string timeField)
    {
        var q = query.Query;
        var filter = ShopScope(q.ShopId);
        var mustNot = new JsonArray();
        filter.Add(DateRange(timeField, q.From, q.To));
        foreach (var (dimension, f) in query.Filters)
        {
            (f.Exclude ? mustNot : filter).Add(Terms(FieldOf(dimension), f.Values));
        }
        foreach (var range in q.Ranges)
        {
            var bounds = new JsonObject();
            if (range.Min is { } min)
            {
                bounds["gte"] = min;
            }
            if (range.Max is { } max)
            {
                bounds["lte"] = max;
            }
            filter.Add(new JsonObject { ["range"] = new JsonObject { [range.Field] = bounds } });
        }
        if (plan.Top is { } top)
        {
            (top.Complement ? mustNot : filter).Add(OneOf(FieldOf(query.GroupBy[0]), top.Keys));
        }
        if (plan.Customers is { } customers)
        {
            filter.Add(Terms("customer_id", customers));
        }
        var result = new JsonObject { ["filter"] = filter };
        if (mustNot.Count > 0)
        {
            result["must_not"] = mustNot;
        }
        return new JsonObject { ["bool"] = result };
    }

    /// <summary>Runtime fields for the time parts the query groups or filters by; null when it uses none.</summary>
    public static JsonObject? RuntimeMappings(ValidatedQuery query, string timeField)
    {
        var parts = query.GroupBy.Concat(query.Filters.Select(f => f.Dimension)).Where(d => d.TimePart is not null).Select(d => d.TimePart!.Value).Distinct().ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        var mappings = new JsonObject();
        foreach (var part in parts.Order())
        {
            mappings[part == TimePart.DayOfWeek ? DayOfWeekField : HourOfDayField] = new JsonObject
            {
                ["type"] = "keyword",
                ["script"] = new JsonObject
                {
                    ["source"] = part == TimePart.DayOfWeek ? DayOfWeekScript : HourOfDayScript,
                    ["params"] = new JsonObject { ["field"] = timeField, ["zone"] = query.Zone.Id },
                },
            };
        }
        return mappings;
    }

    public static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Terms(string field, IEnumerable<string?> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) } };

    /// <summary>The filter list every search starts from: the shop's rows, or every shop's for an admin (null).</summary>
    public static JsonArray ShopScope(string? shopId) => shopId is null ? [] : [Term("shop_id", shopId)];

    public static JsonObject DateRange(string field, DateTimeOffset from, DateTimeOffset to) => new()
    {
        ["range"] = new JsonObject
        {
            [field] = new JsonObject { ["gte"] = Iso(from), ["lt"] = Iso(to), ["format"] = "strict_date_optional_time" },
        },
    };

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The field is one of the keys; a null key also matches rows without the field.</summary>
    private static JsonObject OneOf(string field, IReadOnlyList<string?> keys)
    {
        var should = new JsonArray();
        var present = keys.Where(k => k is not null).ToList();
        if (present.Count > 0)
        {
            should.Add(Terms(field, present));
        }
        if (present.Count < keys.Count)
        {
            should.Add(new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = field } }) } });
        }
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }
}
