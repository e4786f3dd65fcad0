using FoodFast.Analytics.Core.Recommendations;
using FoodFast.Analytics.Postgres.Storage;

namespace FoodFast.Analytics.Postgres.Recommendations;

/// <summary>Pair and trend counts from <c>order_items</c> (which carries each order's shop, time and status).</summary>
public sealed class PostgresRecommendations(AnalyticsDatabase database) : IRecommendationSource
{
    private const string Scoped = """
        scoped as (select * from order_items
                   where ($1::text is null or shop_id = $1) and created_at >= $2 and created_at < $3 and status <> 'cancelled')
        """;

    public async Task<PairCounts> PairsAsync(BoughtTogetherQuery query, CancellationToken cancellationToken)
    {
        const string sql = $"""
            with {Scoped},
            items as (select distinct shop_id, order_id, product_id from scoped),
            with_product as (select shop_id, order_id from items where product_id = $4),
            pairs as (select i.product_id, count(*) as together from items i join with_product w using (shop_id, order_id)
                      where i.product_id <> $4 group by i.product_id having count(*) >= $5),
            labels as (select product_id, max(product_name) as name, max(category) as category from scoped
                       where product_id in (select product_id from pairs) group by product_id)
            select (select count(*) from (select distinct shop_id, order_id from items) o), (select count(*) from with_product),
                   p.product_id, p.together, (select count(*) from items x where x.product_id = p.product_id), l.name, l.category
            from (select 1) one
            left join pairs p on true
            left join labels l using (product_id)
            """;
        await using var command = database.Command(sql, [query.ShopId, query.From.UtcDateTime, query.To.UtcDateTime, query.ProductId, (long)query.MinSupport]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long orders = 0, withProduct = 0;
        var candidates = new List<PairCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            (orders, withProduct) = (reader.GetInt64(0), reader.GetInt64(1));
            if (!reader.IsDBNull(2))
            {
                candidates.Add(new PairCount(reader.GetString(2), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(3), reader.GetInt64(4)));
            }
        }
        return new PairCounts(orders, withProduct, candidates);
    }

    public async Task<IReadOnlyList<ProductUnits>> UnitsAsync(TrendingQuery query, CancellationToken cancellationToken)
    {
        const string sql = $"""
            with {Scoped}
            select product_id, max(product_name), max(category),
                   coalesce(sum(quantity) filter (where created_at >= $4), 0), coalesce(sum(quantity) filter (where created_at < $4), 0)
            from scoped group by product_id order by product_id
            """;
        await using var command = database.Command(sql, [query.ShopId, query.PreviousFrom.UtcDateTime, query.To.UtcDateTime, query.RecentFrom.UtcDateTime]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var units = new List<ProductUnits>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new ProductUnits(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return units;
    }
}
