using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using static FoodFast.Analytics.Core.Queries.Catalogue.AggregateFunction;

namespace FoodFast.Analytics.Postgres.Queries;

/// <summary>
/// A rollup table (Migrations/analytics/0005_hourly_rollups.sql, 0006_event_rollups.sql): per shop, UTC hour and grouping set, the sums and
/// counts of one dataset. <see cref="Sets"/> must list the grouping sets in the migration's order and columns.
/// </summary>
/// <param name="Sets">Per grouping set, the dimension columns it keeps besides <paramref name="Always"/>.</param>
/// <param name="Always">Dimension columns every grouping set keeps (currency, for orders and lines).</param>
/// <param name="Value">What a base metric reads from a rollup row <c>x</c> (a column, or for a distinct count the kept value),
/// or null when the rollup cannot answer it.</param>
/// <param name="HasBasis">Rows are placed by created, refunded or cancelled time (a <c>basis</c> column); else created only.</param>
/// <param name="Rows">The column counting the rows summed: 0 marks a group all of whose rows have left it.</param>
public sealed record RollupTable(string Name, string[] Always, IReadOnlyList<string[]> Sets, Func<BaseAggregate, string?> Value, bool HasBasis, string Rows);

/// <summary>How a query reads a rollup: the table, its grouping set, and the whole UTC hours <c>[From, To)</c> it covers.</summary>
public sealed record RollupPlan(RollupTable Table, int GroupingSet, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Decides when the hourly rollups can answer a query exactly. They can when every base metric is a sum, count or distinct count they
/// keep, every dimension grouped or filtered on is in one grouping set (or a time part), there is no range filter, the
/// range holds at least one whole UTC hour, and the query's zone is a whole number of hours from UTC throughout (so a
/// UTC hour lies inside one local hour, day and week). The partial hours at the range's edges are read from the rows.
/// </summary>
public static class Rollups
{
    public static readonly RollupTable Orders = new("order_rollups", ["currency"],
        [[], ["status"], ["channel"], ["payment_method"], ["country", "city"]],
        aggregate => aggregate switch
        {
            { Function: Count, Field: null, When: null } => "x.orders",
            { Function: Count, Field: null, When: RowCondition.FreeShipping } => "x.free_shipping",
            { Function: Sum, When: null, Field: "subtotal" or "discount" or "tax" or "shipping" or "total" or "units" } => $"x.{aggregate.Field}",
            _ => null,
        },
        HasBasis: true, Rows: "orders");

    public static readonly RollupTable OrderItems = new("order_item_rollups", ["currency"],
        [[], ["category"], ["category", "brand", "product_id", "product_name"]],
        aggregate => aggregate switch
        {
            { Function: Count, Field: null, When: null } => "x.lines",
            { Function: Sum, When: null, Field: "quantity" or "line_total" } => $"x.{aggregate.Field}",
            { Function: Sum, When: RowCondition.HasUnitCost, Field: "line_total" } => "x.costed_line_total",
            { Function: Sum, When: RowCondition.HasUnitCost, Field: "line_cost" } => "x.line_cost",
            _ => null,
        },
        HasBasis: false, Rows: "lines");

    /// <summary>Rows keep the session and user, so distinct sessions and users are counted over them exactly.</summary>
    public static readonly RollupTable Events = new("event_rollups", [],
        [[]],
        aggregate => aggregate switch
        {
            { Function: Count, Field: null, When: null } => "x.events",
            { Function: Count, Field: null, When: RowCondition.HasRating } => "x.reviews",
            { Function: Sum, Field: "rating", When: RowCondition.HasRating } => "x.rating_sum",
            { Function: CountDistinct, Field: "user_id" or "session_id", When: null } => $"x.{aggregate.Field}",
            { Function: CountDistinct, Field: "session_id", When: RowCondition.IsPurchase } => "case when x.purchases > 0 then x.session_id end",
            _ => null,
        },
        HasBasis: false, Rows: "events");

    /// <summary>The plan for <paramref name="query"/>, or null when only the rows can answer it.</summary>
    public static RollupPlan? For(ValidatedQuery query)
    {
        var table = query.Dataset switch { Datasets.Orders => Orders, Datasets.OrderItems => OrderItems, Datasets.Events => Events, _ => null };
        if (table is null || query.Query.Ranges.Count > 0
            || query.BaseMetrics.Any(m => table.Value(m.Base!) is null || (!table.HasBasis && m.Basis != TimeBasis.Primary)))
        {
            return null;
        }
        var dimensions = query.GroupBy.Concat(query.Filters.Select(f => f.Dimension)).ToList();
        var readsLocalTime = query.Bucket is not null || dimensions.Any(d => d.TimePart is not null);
        if (readsLocalTime && !WholeHoursFromUtc(query.Zone, query.Query.From, query.Query.To))
        {
            return null;
        }
        var columns = dimensions.Where(d => d.TimePart is null)
            .SelectMany(d => d.LabelField is null ? [d.Field!] : new[] { d.Field!, d.LabelField }).Except(table.Always).ToList();
        var set = Enumerable.Range(0, table.Sets.Count).FirstOrDefault(i => columns.All(table.Sets[i].Contains), -1);
        var from = CeilingHour(query.Query.From);
        var to = FloorHour(query.Query.To);
        return set < 0 || from >= to ? null : new RollupPlan(table, set, from, to);
    }

    /// <summary>The migration's <c>basis</c>: 0 created, 1 refunded, 2 cancelled.</summary>
    public static short BasisId(TimeBasis basis) => basis switch
    {
        TimeBasis.Primary => 0, TimeBasis.Refunded => 1, TimeBasis.Cancelled => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    private static DateTimeOffset FloorHour(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    private static DateTimeOffset CeilingHour(DateTimeOffset at) =>
        FloorHour(at) == at ? at.ToUniversalTime() : FloorHour(at).AddHours(1);

    /// <summary>
    /// True when every offset the zone uses around <c>[from, to)</c> is whole hours and it changes them on whole hours.
    /// Asia/Kolkata (+05:30), Asia/Kathmandu (+05:45) and Australia/Lord_Howe (a 30-minute summer shift) are not.
    /// </summary>
    public static bool WholeHoursFromUtc(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        static bool Whole(TimeSpan span) => span.Ticks % TimeSpan.TicksPerHour == 0;
        // .NET states a transition's end as the millisecond before it (02:59:59.999 for 03:00).
        static bool OnTheHour(DateTime at) => Whole(at.TimeOfDay) || Whole(at.TimeOfDay + TimeSpan.FromMilliseconds(1));
        if (!Whole(zone.BaseUtcOffset))
        {
            return false;
        }
        var (start, end) = (from.UtcDateTime.AddDays(-2), to.UtcDateTime.AddDays(2));
        return zone.GetAdjustmentRules().Where(r => r.DateStart <= end && r.DateEnd >= start).All(r =>
            Whole(r.BaseUtcOffsetDelta) && Whole(r.DaylightDelta)
            && OnTheHour(r.DaylightTransitionStart.TimeOfDay) && OnTheHour(r.DaylightTransitionEnd.TimeOfDay));
    }
}
