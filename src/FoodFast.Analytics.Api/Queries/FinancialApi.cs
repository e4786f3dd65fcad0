using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>Money in and out, with the definitions of docs/metrics.md; refunds and cancellations booked on their own day.</summary>
internal static class FinancialApi
{
    public static void MapFinancialApi(this IEndpointRouteBuilder app)
    {
        var financial = app.MapGroup("/analytics/financial").WithTags("Financial");
        financial.MapGet("/revenue", Revenue).WithName("GetFinancialRevenue")
            .WithSummary("gross sales, discounts, refunds, cancellations, tax, shipping, total sales (revenue) and net revenue.");
        financial.MapGet("/profit", Profit).WithName("GetFinancialProfit")
            .WithSummary("gross margin per category, over the lines whose unit cost is known.");
        financial.MapGet("/expenses", Expenses).WithName("GetFinancialExpenses")
            .WithSummary("What sales cost the shop: refunds and cancellations (booked on their day), discounts, and free-shipping orders.");
        financial.MapGet("/payments", Payments).WithName("GetFinancialPayments")
            .WithSummary("orders and revenue per payment method.");
    }

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Revenue([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders,
            "gross_sales", "discount_total", "refund_total", "cancelled_total", "tax_total", "shipping_total", "revenue", "net_revenue"), ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Profit([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.OrderItems, "costed_revenue", "cost", "gross_margin", "margin_rate") with { GroupBy = ["category"] }, ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Expenses([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "refund_total", "cancelled_total", "discount_total", "free_shipping_orders", "shipping_total"), ct);

    public static Task<Results<CachedJson<QueryResult>, ValidationProblem>> Payments([AsParameters] Window window, HttpContext http, QueryEngine engine, CancellationToken ct) =>
        QueryResponses.RunAsync(http, engine, window.Query(Datasets.Orders, "order_count", "revenue") with { GroupBy = ["payment_method"] }, ct);
}
