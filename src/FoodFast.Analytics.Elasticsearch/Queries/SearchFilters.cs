using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Mapping;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;

using Es = Elastic.Clients.Elasticsearch.QueryDsl;

namespace FoodFast.Analytics.Elasticsearch.Queries;

/// <summary>
/// The bool filter of an aggregation search (shop, time range on the basis field, dimension and numeric filters),
/// and the runtime fields that read a row's day of week or hour in the query's time zone, as the client's typed
/// queries.
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

    public static Es.Query Bool(ValidatedQuery query, SearchPlan plan, string timeField)
    {
        var q = query.Query;
        var filter = Scope(q.ShopId);
        var mustNot = new List<Es.Query>();
        filter.Add(Range(timeField, q.From, q.To));
        foreach (var (dimension, f) in query.Filters)
        {
            (f.Exclude ? mustNot : filter).Add(AnyOf(FieldOf(dimension), f.Values));
        }
        foreach (var range in q.Ranges)
        {
            filter.Add(new Es.NumberRangeQuery(range.Field) { Gte = (double?)range.Min, Lte = (double?)range.Max });
        }
        if (plan.Top is { } top)
        {
            (top.Complement ? mustNot : filter).Add(OneOf(FieldOf(query.GroupBy[0]), top.Keys));
        }
        if (plan.Customers is { } customers)
        {
            filter.Add(AnyOf("customer_id", customers));
        }
        return new Es.BoolQuery { Filter = filter, MustNot = mustNot.Count > 0 ? mustNot : null };
    }

    /// <summary>Runtime fields for the time parts the query groups or filters by; null when it uses none.</summary>
    public static Dictionary<Elastic.Clients.Elasticsearch.Field, RuntimeField>? RuntimeMappings(ValidatedQuery query, string timeField)
    {
        var parts = query.GroupBy.Concat(query.Filters.Select(f => f.Dimension)).Where(d => d.TimePart is not null).Select(d => d.TimePart!.Value).Distinct().ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        return parts.Order().ToDictionary(
            part => (Elastic.Clients.Elasticsearch.Field)(part == TimePart.DayOfWeek ? DayOfWeekField : HourOfDayField),
            part => new RuntimeField
            {
                Type = RuntimeFieldType.Keyword,
                Script = new Script
                {
                    Source = part == TimePart.DayOfWeek ? DayOfWeekScript : HourOfDayScript,
                    Params = new Dictionary<string, object> { ["field"] = timeField, ["zone"] = query.Zone.Id },
                },
            });
    }

    /// <summary>The filter list every search starts from: the shop's rows, or every shop's for an admin (null).</summary>
    public static List<Es.Query> Scope(string? shopId) => shopId is null ? [] : [new Es.TermQuery("shop_id", shopId)];

    public static Es.Query AnyOf(string field, IEnumerable<string?> values) =>
        new Es.TermsQuery(field, new Es.TermsQueryField(values.Select(v => v is null ? FieldValue.Null : FieldValue.String(v)).ToArray()));

    /// <summary>[from, to) on a date field, the bounds as ISO text in UTC.</summary>
    public static Es.Query Range(string field, DateTimeOffset? from, DateTimeOffset? to) => new Es.DateRangeQuery(field)
    {
        Gte = from is { } f ? DateMath.Anchored(Iso(f)) : null,
        Lt = to is { } t ? DateMath.Anchored(Iso(t)) : null,
        Format = "strict_date_optional_time",
    };

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The field is one of the keys; a null key also matches rows without the field.</summary>
    private static Es.Query OneOf(string field, IReadOnlyList<string?> keys)
    {
        var should = new List<Es.Query>();
        var present = keys.Where(k => k is not null).ToList();
        if (present.Count > 0)
        {
            should.Add(AnyOf(field, present));
        }
        if (present.Count < keys.Count)
        {
            should.Add(new Es.BoolQuery { MustNot = [new Es.ExistsQuery(field)] });
        }
        return new Es.BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }
}
