using System.Text;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Postgres.Storage;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Queries;

/// <summary>Funnels, retention cohorts, RFM segments and search on the Postgres analytics tables.</summary>
public sealed class PostgresQueryFamilies(AnalyticsDatabase database) : IQueryFamilies
{
    public async Task<IReadOnlyList<long>> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var unit = query.Unit == FunnelUnit.User ? "user_id" : "session_id";
        var sql = new StringBuilder($"""
            with e as (select shop_id || ':' || {unit} as unit, type, occurred_at from events
                       where ($1::text is null or shop_id = $1) and occurred_at >= $2 and occurred_at < $3 and type = any($4) and {unit} is not null),
            s0 as (select unit, min(occurred_at) as t0, min(occurred_at) as t from e where type = $5 group by unit)
            """);
        var parameters = new List<object?> { query.ShopId, query.From.UtcDateTime, query.To.UtcDateTime, query.Steps.Select(WireNames.Of).ToArray(), WireNames.Of(query.Steps[0]), query.Window };
        for (var i = 1; i < query.Steps.Count; i++)
        {
            parameters.Add(WireNames.Of(query.Steps[i]));
            sql.Append($"""
                , s{i} as (select s.unit, s.t0, min(e.occurred_at) as t from s{i - 1} s
                           join e on e.unit = s.unit and e.type = ${parameters.Count} and e.occurred_at >= s.t and e.occurred_at <= s.t0 + $6
                           group by s.unit, s.t0)
                """);
        }
        sql.Append(" select ").Append(string.Join(", ", query.Steps.Select((_, i) => $"(select count(*) from s{i})")));
        await using var command = Command(sql.ToString(), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return query.Steps.Select((_, i) => reader.GetInt64(i)).ToList();
    }

    public async Task<IReadOnlyList<(string Cohort, long Size, IReadOnlyList<long> Active)>> RetentionAsync(RetentionQuery query, CancellationToken cancellationToken)
    {
        var (unit, offset) = query.Period == TimeBucket.Week
            ? ("week", "(a.period::date - c.cohort::date) / 7")
            : ("month", "((extract(year from a.period) * 12 + extract(month from a.period)) - (extract(year from c.cohort) * 12 + extract(month from c.cohort)))::int");
        var sql = $"""
            with firsts as (select shop_id, customer_id, min(created_at) as first_at from orders
                            where ($1::text is null or shop_id = $1) and customer_id is not null group by shop_id, customer_id),
            cohorts as (select shop_id, customer_id, date_trunc('{unit}', first_at at time zone $4) as cohort from firsts where first_at >= $2 and first_at < $3),
            activity as (select distinct o.shop_id, o.customer_id, date_trunc('{unit}', o.created_at at time zone $4) as period
                         from orders o join cohorts c using (shop_id, customer_id))
            select to_char(c.cohort, 'YYYY-MM-DD'), {offset} as period_offset, count(*)
            from cohorts c join activity a using (shop_id, customer_id)
            where {offset} between 0 and $5 - 1
            group by 1, 2 order by 1, 2
            """;
        await using var command = Command(sql, [query.ShopId, query.From.UtcDateTime, query.To.UtcDateTime, query.TimeZone, query.Periods]);
        var cohorts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var active = cohorts.TryGetValue(reader.GetString(0), out var row) ? row : cohorts[reader.GetString(0)] = new long[query.Periods];
            active[reader.GetInt32(1)] = reader.GetInt64(2);
        }
        return cohorts.Select(c => (c.Key, c.Value[0], (IReadOnlyList<long>)c.Value)).ToList();
    }

    public async Task<IReadOnlyList<Segment>> SegmentsAsync(SegmentQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            with per_customer as (
                select shop_id, customer_id, min(created_at) as first_at,
                       max(created_at) filter (where created_at >= $2 - $3 * interval '1 day') as last_at,
                       count(*) filter (where created_at >= $2 - $3 * interval '1 day') as orders
                from orders where ($1::text is null or shop_id = $1) and customer_id is not null and created_at < $2
                group by shop_id, customer_id),
            labelled as (
                select shop_id, customer_id, orders, extract(epoch from ($2 - last_at)) / 86400 as recency,
                       case when last_at < $2 - interval '180 days' then 'lost'
                            when last_at < $2 - interval '60 days' then 'at_risk'
                            when first_at >= $2 - interval '30 days' then 'new'
                            when orders >= 5 and last_at >= $2 - interval '30 days' then 'champions'
                            else 'loyal' end as segment
                from per_customer where last_at is not null),
            -- Materialized: the per-segment subquery below would otherwise run the join once per segment.
            money as materialized (
                select x.segment, o.currency, sum(o.total) as amount
                from orders o join labelled x using (shop_id, customer_id)
                where ($1::text is null or o.shop_id = $1) and o.created_at >= $2 - $3 * interval '1 day' and o.created_at < $2
                group by x.segment, o.currency)
            select l.segment, count(*), round(avg(l.orders), 2), round(avg(l.recency)::numeric, 1),
                   (select string_agg(m.currency || '=' || m.amount, ';' order by m.currency) from money m where m.segment = l.segment)
            from labelled l group by l.segment
            """;
        await using var command = Command(sql, [query.ShopId, query.AsOf.UtcDateTime, query.LookbackDays]);
        var segments = new List<Segment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var monetary = reader.IsDBNull(4) ? new Dictionary<string, decimal>() : reader.GetString(4).Split(';')
                .Select(part => part.Split('=')).ToDictionary(p => p[0], p => decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
            segments.Add(new Segment(reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetDecimal(3), monetary));
        }
        return segments;
    }

    public async Task<IReadOnlyList<StockLevel>> StockAsync(StockQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            select distinct on (shop_id, product_id) shop_id, product_id, product_name, stock_level, occurred_at from events
            where ($1::text is null or shop_id = $1) and type = 'inventory_updated' and stock_level is not null
              and product_id is not null and occurred_at <= $2
            order by shop_id, product_id, occurred_at desc, event_id
            """;
        await using var command = Command(sql, [query.ShopId, query.AsOf.UtcDateTime]);
        var levels = new List<StockLevel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            levels.Add(new StockLevel(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return levels;
    }

    public async Task<IReadOnlyList<ShopSummary>> ShopsAsync(ShopQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            select shop_id, min(created_at), max(created_at), count(*), array_agg(distinct currency order by currency) from orders
            where $1::text[] is null or shop_id = any($1::text[])
            group by shop_id order by shop_id
            """;
        await using var command = Command(sql, [query.ShopIds?.ToArray()]);
        var shops = new List<ShopSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            shops.Add(new ShopSummary(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetInt64(3), reader.GetFieldValue<string[]>(4)));
        }
        return shops;
    }

    public async Task<(long Total, IReadOnlyList<SearchHit> Hits)> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var orders = """
            select 'order' as kind, o.shop_id, o.order_id as id, o.created_at as at,
                   o.status || ' ' || o.total || ' ' || o.currency || ': ' ||
                   (select string_agg(i.product_name, ', ' order by i.line_no) from order_items i where i.shop_id = o.shop_id and i.order_id = o.order_id) as summary
            from orders o
            where ($1::text is null or o.shop_id = $1)
              and (o.order_id ilike $2 or o.customer_id ilike $2
                   or exists (select 1 from order_items i where i.shop_id = o.shop_id and i.order_id = o.order_id and i.product_name ilike $2))
            """;
        var events = """
            select 'event' as kind, shop_id, event_id::text as id, occurred_at as at,
                   type || coalesce(': ' || coalesce(query, product_name, product_id), '') as summary
            from events
            where ($1::text is null or shop_id = $1)
              and (query ilike $2 or product_name ilike $2 or product_id ilike $2 or user_id ilike $2 or session_id ilike $2 or event_id::text = $5)
            """;
        var union = query.Target switch { SearchTarget.Orders => orders, SearchTarget.Events => events, _ => $"{orders} union all {events}" };
        var sql = $"select kind, shop_id, id, at, summary, count(*) over () from ({union}) hits order by at desc, id limit $3 offset $4";
        var pattern = "%" + query.Text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        await using var command = Command(sql, [query.ShopId, pattern, query.Size, query.Page * query.Size, query.Text]);
        var hits = new List<SearchHit>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? "" : reader.GetString(4)));
            total = reader.GetInt64(5);
        }
        if (hits.Count == 0 && query.Page > 0)
        {
            total = (await SearchAsync(query with { Page = 0, Size = 1 }, cancellationToken)).Total;
        }
        return (total, hits);
    }

    private NpgsqlCommand Command(string sql, IEnumerable<object?> values) => database.Command(sql, values);
}
