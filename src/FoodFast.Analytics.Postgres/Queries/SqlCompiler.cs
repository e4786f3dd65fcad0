using System.Text;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Catalogue;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Queries;

/// <summary>
/// Compiles a validated query to one parameterised SQL statement. Rows are read once per time basis
/// (created, refunded, cancelled) and stacked with UNION ALL, each branch placing its rows at its own
/// instant <c>t</c>; the outer query buckets <c>t</c> in the query's time zone and aggregates. With a
/// <see cref="RollupPlan"/>, the rows only cover the partial hours at the range's edges and one more branch reads the
/// whole hours from the rollup, its sums and counts summed again. Every value from the client travels as a parameter;
/// names come from the catalogue only.
/// </summary>
public static class SqlCompiler
{
    public sealed record Compiled(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, int LabelCount);

    private static readonly Dictionary<string, (string Table, string Time)> Tables = new()
    {
        [Datasets.Orders] = ("orders", "created_at"),
        [Datasets.OrderItems] = ("order_items", "created_at"),
        [Datasets.Events] = ("events", "occurred_at"),
    };

    public static Compiled Compile(ValidatedQuery query, RollupPlan? rollup = null)
    {
        var p = new Parameters();
        var q = query.Query;
        var tz = p.Add(query.Zone.Id);
        var (table, primaryTime) = Tables[query.Dataset];
        var bases = query.BaseMetrics.Select(m => m.Basis).Distinct().ToList();
        var needsFirstOrder = query.BaseMetrics.Any(m => m.Base!.When == RowCondition.FirstOrderInBucket);
        var from = p.Add(q.From.UtcDateTime);
        var to = p.Add(q.To.UtcDateTime);
        string Bucket(string instant) => query.Bucket is { } b
            ? $"to_char(date_trunc('{Unit(b)}', {instant} at time zone {tz}), '{(b == TimeBucket.Hour ? "YYYY-MM-DD\"T\"HH24:00" : "YYYY-MM-DD")}')"
            : "null::text";

        var branches = bases.Select(basis =>
        {
            var time = basis switch { TimeBasis.Refunded => "x.refunded_at", TimeBasis.Cancelled => "x.cancelled_at", _ => $"x.{primaryTime}" };
            var select = new List<string> { $"{time} as t" };
            select.AddRange(query.GroupBy.Select((d, i) => $"{Dimension(d, time, tz)} as d{i}"));
            select.AddRange(Labels(query).Select((d, i) => $"x.{d.LabelField} as l{i}"));
            select.AddRange(query.BaseMetrics.Select((m, i) => $"({(m.Basis == basis ? Value(m, time, from, to, Bucket) : "null")})::{SqlType(m)} as m{i}"));
            var where = new List<string>
            {
                rollup is null ? $"{time} >= {from} and {time} < {to}"
                    : $"(({time} >= {from} and {time} < {p.Add(rollup.From.UtcDateTime)}) or ({time} >= {p.Add(rollup.To.UtcDateTime)} and {time} < {to}))",
            };
            where.AddRange(Narrowing(query, time, tz, p));
            var join = needsFirstOrder ? " left join first_orders f on f.shop_id = x.shop_id and f.customer_id = x.customer_id" : "";
            return $"select {string.Join(", ", select)} from {table} x{join} where {string.Join(" and ", where)}";
        }).ToList();
        if (rollup is not null)
        {
            branches.Add(RollupBranch(query, rollup, tz, p));
        }

        var sql = new StringBuilder("with ");
        if (needsFirstOrder)
        {
            var shop = q.ShopId is null ? "" : $"where shop_id = {p.Add(q.ShopId)} ";
            sql.Append($"first_orders as (select shop_id, customer_id, min(created_at) as first_at from orders {shop}group by shop_id, customer_id), ");
        }
        sql.Append($"base as ({string.Join(" union all ", branches)})");

        var groupKeys = query.GroupBy.Select((_, i) => $"d{i}").ToList();
        var keys = new List<string> { $"{Bucket("t")} as bucket" };
        var source = "base";
        if (q.Top is { } top)
        {
            sql.Append($", ranked as (select d0 as rd0, row_number() over (order by {Aggregate(query.BaseMetrics[query.RankIndex], query.RankIndex, rollup is not null)} desc, d0) as r from base group by d0)");
            source = "base join ranked on base.d0 is not distinct from ranked.rd0";
            var topN = p.Add(top);
            groupKeys[0] = $"case when r <= {topN} then d0 else '{AggregateRow.Other}' end";
        }
        keys.AddRange(groupKeys.Select((k, i) => $"{k} as d{i}"));
        var labels = Labels(query).Select((_, i) => q.Top is null ? $"max(l{i}) as l{i}" : $"max(case when r <= {p.Add(q.Top.Value)} then l{i} end) as l{i}");
        var aggregates = query.BaseMetrics.Select((m, i) => $"{Aggregate(m, i, rollup is not null)} as m{i}");
        var groupBy = Enumerable.Range(1, keys.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sql.Append($" select {string.Join(", ", keys.Concat(labels).Concat(aggregates))} from {source} group by {string.Join(", ", groupBy)}");
        return new Compiled(sql.ToString(), p.List, Labels(query).Count);
    }

    /// <summary>The shop, dimension filters and range filters, on rows or rollup rows alike (both are <c>x</c>).</summary>
    private static IEnumerable<string> Narrowing(ValidatedQuery query, string time, string tz, Parameters p)
    {
        if (query.Query.ShopId is not null)
        {
            yield return $"x.shop_id = {p.Add(query.Query.ShopId)}";
        }
        foreach (var (dimension, filter) in query.Filters)
        {
            yield return Filter(dimension, filter, time, tz, p);
        }
        foreach (var condition in query.Query.Ranges.SelectMany(r => Range(r, p)))
        {
            yield return condition;
        }
    }

    /// <summary>The whole hours of the range, read from the rollup: each rollup row stands at its hour with its sums.</summary>
    private static string RollupBranch(ValidatedQuery query, RollupPlan rollup, string tz, Parameters p)
    {
        const string time = "x.hour";
        var table = rollup.Table;
        var select = new List<string> { $"{time} as t" };
        select.AddRange(query.GroupBy.Select((d, i) => $"{Dimension(d, time, tz)} as d{i}"));
        select.AddRange(Labels(query).Select((d, i) => $"x.{d.LabelField} as l{i}"));
        select.AddRange(query.BaseMetrics.Select((m, i) =>
        {
            var value = table.Value(m.Base!)!;
            return $"({(table.HasBasis ? $"case when x.basis = {Rollups.BasisId(m.Basis)} then {value} end" : value)})::{SqlType(m)} as m{i}";
        }));
        var where = new List<string>
        {
            $"x.grouping_set = {rollup.GroupingSet}", $"x.hour >= {p.Add(rollup.From.UtcDateTime)}", $"x.hour < {p.Add(rollup.To.UtcDateTime)}",
            $"x.{table.Rows} <> 0",
        };
        if (table.HasBasis)
        {
            where.Add($"x.basis = any({p.Add(query.BaseMetrics.Select(m => Rollups.BasisId(m.Basis)).Distinct().ToArray())})");
        }
        where.AddRange(Narrowing(query, time, tz, p));
        return $"select {string.Join(", ", select)} from {table.Name} x where {string.Join(" and ", where)}";
    }

    private static List<DimensionDefinition> Labels(ValidatedQuery query) => query.GroupBy.Where(d => d.LabelField is not null).ToList();

    private static string Unit(TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => "hour", TimeBucket.Day => "day", TimeBucket.Week => "week",
        TimeBucket.Month => "month", TimeBucket.Quarter => "quarter", _ => "year",
    };

    private static string Dimension(DimensionDefinition d, string time, string tz) => d.TimePart switch
    {
        TimePart.DayOfWeek => $"extract(isodow from {time} at time zone {tz})::int::text",
        TimePart.HourOfDay => $"extract(hour from {time} at time zone {tz})::int::text",
        _ => d.Field == "rating" ? "x.rating::text" : $"x.{d.Field}",
    };

    private static string Field(string field) => field == "line_cost" ? "(x.quantity * x.unit_cost)" : $"x.{field}";

    /// <summary>The per-row value a base metric aggregates, in its own branch.</summary>
    private static string Value(MetricDefinition metric, string time, string from, string to, Func<string, string> bucket)
    {
        var agg = metric.Base!;
        var value = agg.Field is null ? "1" : Field(agg.Field);
        return agg.When switch
        {
            RowCondition.HasUnitCost => $"case when x.unit_cost is not null then {value} end",
            RowCondition.IsPurchase => $"case when x.type in ('purchase', 'checkout_complete') then {value} end",
            RowCondition.HasRating => $"case when x.rating is not null then {value} end",
            RowCondition.FreeShipping => $"case when x.shipping = 0 then {value} end",
            RowCondition.FirstOrderInBucket => $"case when f.first_at >= {from} and f.first_at < {to} and {bucket("f.first_at")} is not distinct from {bucket(time)} then {value} end",
            _ => value,
        };
    }

    /// <summary>
    /// Branches of other time bases hold nulls here, and UNION ALL needs them typed. Distinct counts sort their
    /// values: byte order ("C") counts the same distinct texts as any deterministic collation, at a third less time.
    /// </summary>
    private static string SqlType(MetricDefinition metric) => metric.Base!.Function switch
    {
        AggregateFunction.Count => "bigint",
        AggregateFunction.CountDistinct => "text collate \"C\"",
        _ => "numeric",
    };

    /// <summary>A count over rollup rows adds up their counts; over rows alone it counts them.</summary>
    private static string Aggregate(MetricDefinition metric, int i, bool rollup) => metric.Base!.Function switch
    {
        AggregateFunction.Count => rollup ? $"coalesce(sum(m{i}), 0)" : $"count(m{i})",
        AggregateFunction.CountDistinct => $"count(distinct m{i})",
        _ => $"coalesce(sum(m{i}), 0)",
    };

    private static string Filter(DimensionDefinition dimension, DimensionFilter filter, string time, string tz, Parameters p)
    {
        var expression = Dimension(dimension, time, tz);
        var values = p.Add(filter.Values.ToArray());
        return filter.Exclude ? $"({expression} is null or not ({expression} = any({values})))" : $"{expression} = any({values})";
    }

    private static IEnumerable<string> Range(RangeFilter range, Parameters p)
    {
        if (range.Min is { } min)
        {
            yield return $"x.{range.Field} >= {p.Add(min)}";
        }
        if (range.Max is { } max)
        {
            yield return $"x.{range.Field} <= {p.Add(max)}";
        }
    }

    private sealed class Parameters
    {
        public List<NpgsqlParameter> List { get; } = [];

        public string Add(object value)
        {
            List.Add(new NpgsqlParameter { Value = value });
            return $"${List.Count}";
        }
    }
}
