using System.ComponentModel;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Products: how they are seen, carted and bought; stock; reviews; what shoppers search for.</summary>
internal static class ProductsApi
{
    public static void MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/analytics/products").WithTags("Products");
        products.MapGet("/performance", Performance).WithName("GetProductPerformance")
            .WithSummary("Per product: views, add-to-carts, add-to-cart rate, orders, units, revenue and gross margin (per currency), limit default 50.");
        products.MapGet("/inventory", Inventory).WithName("GetInventory")
            .WithSummary("Each product's latest stock level from inventory events, and the low-stock list (threshold, default 10).");
        products.MapGet("/reviews", Reviews).WithName("GetReviews")
            .WithSummary("Rating distribution (1-5), review count and average rating.");
        products.MapGet("/search", SearchTerms).WithName("GetSearchTerms")
            .WithSummary("Top search queries, zero-result queries, and the share of searching sessions that went on to purchase.");
    }

    public static async Task<Results<Ok<ProductPerformance>, ValidationProblem>> Performance(
        [AsParameters] Window window,
        [Description("Products to list, by revenue. Default 50.")] int? limit,
        HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var events = window.Query(Datasets.Events, "event_count") with { GroupBy = ["product", "event_type"], Filters = [new("event_type", ["product_view", "add_to_cart"])] };
        var sales = window.Query(Datasets.OrderItems, "order_count", "units", "revenue", "gross_margin") with { GroupBy = ["product"], Sort = new QuerySort("revenue"), Limit = limit ?? 50 };
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine, [events, sales], ct);
        if (problem is not null)
        {
            return problem;
        }
        var counts = results![0].Rows.ToLookup(r => r[0].Text, r => (Type: r[2].Text, Count: (long)(r[3].Number ?? 0m)));
        long Count(string? product, string type) => counts[product].Where(c => c.Type == type).Sum(c => c.Count);
        var rows = results[1].Rows.Select(r =>
        {
            var product = r[0].Text;
            var (views, carts) = (Count(product, "product_view"), Count(product, "add_to_cart"));
            return new ProductRow(product, r[1].Text, r[2].Text, views, carts, views == 0 ? null : Math.Round((decimal)carts / views, 4),
                r[3].Number ?? 0m, r[4].Number ?? 0m, r[5].Number ?? 0m, r[6].Number);
        }).ToList();
        return TypedResults.Ok(new ProductPerformance(rows, results[1].Meta));
    }

    public static Task<Results<CachedJson<InventoryResult>, ValidationProblem>> Inventory(
        [AsParameters] Window window,
        [Description("Stock level at or below which a product is listed as low (0-1000000). Default 10.")] int? threshold,
        HttpContext http, FamilyEngine engine, CancellationToken ct) =>
        QueryResponses.SendAsync<InventoryResult>(http, engine.StockAsync(window.Query(Datasets.Events), window.To, threshold, ct));

    public static async Task<Results<Ok<ReviewsResult>, ValidationProblem>> Reviews([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct)
    {
        var reviews = Datasets.Events;
        var (results, problem) = await QueryResponses.RunAllAsync(http, engine,
        [
            window.Query(reviews, "review_count", "average_rating") with { Filters = [new("event_type", ["review"])] },
            window.Query(reviews, "review_count") with { GroupBy = ["rating"], Filters = [new("event_type", ["review"])], Sort = new QuerySort("rating", Descending: false) },
        ], ct);
        return problem is null ? TypedResults.Ok(new ReviewsResult(results![0], results[1])) : problem;
    }

    public static async Task<Results<Ok<SearchTermsResult>, ValidationProblem>> SearchTerms(
        [AsParameters] Window window,
        [Description("Queries to list in each table. Default 20.")] int? limit,
        HttpContext http, QueryEngine engine, FamilyEngine families, CancellationToken ct)
    {
        var search = new DimensionFilter("event_type", ["search"]);
        // Sessions that searched, and of those the ones that bought within a day: a funnel, cached like the others.
        var funnel = families.FunnelAsync(window.Query(Datasets.Events), "search,purchase", "session", 1440, ct);
        var (results, searchToPurchase, problem) = await QueryResponses.RunAllAsync<FunnelResult>(http, engine,
        [
            window.Query(Datasets.Events, "event_count", "unique_sessions") with { GroupBy = ["query"], Filters = [search], Limit = limit ?? 20 },
            window.Query(Datasets.Events, "event_count", "unique_sessions") with { GroupBy = ["query"], Filters = [search], Ranges = [new("results_count", null, 0)], Limit = limit ?? 20 },
        ], funnel, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (searching, purchasing) = (searchToPurchase!.Steps[0].Count, searchToPurchase.Steps[1].Count);
        var rate = searching == 0 ? (decimal?)null : Math.Round((decimal)purchasing / searching, 4);
        return TypedResults.Ok(new SearchTermsResult(results![0], results[1], searching, purchasing, rate));
    }
}

public sealed record ProductRow(string? ProductId, string? ProductName, string? Currency, long Views, long AddToCarts, decimal? AddToCartRate,
    decimal Orders, decimal Units, decimal Revenue, decimal? GrossMargin);

/// <param name="Products">The best-selling products by revenue (per currency), with their views and add-to-carts.</param>
public sealed record ProductPerformance(IReadOnlyList<ProductRow> Products, ResultMeta Meta);

/// <param name="Summary">review_count and average_rating.</param>
/// <param name="Distribution">review_count per rating, 1 to 5.</param>
public sealed record ReviewsResult(QueryResult Summary, QueryResult Distribution);

/// <param name="TopQueries">the most frequent search queries.</param>
/// <param name="ZeroResultQueries">the most frequent queries that found nothing.</param>
/// <param name="SearchingSessions">sessions with a search.</param>
/// <param name="PurchasingAfterSearch">of those, sessions with a purchase after a search (within a day).</param>
/// <param name="SearchToPurchaseRate">PurchasingAfterSearch / SearchingSessions.</param>
public sealed record SearchTermsResult(QueryResult TopQueries, QueryResult ZeroResultQueries, long SearchingSessions, long PurchasingAfterSearch, decimal? SearchToPurchaseRate);
