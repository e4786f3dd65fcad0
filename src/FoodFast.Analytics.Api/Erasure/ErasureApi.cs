using System.ComponentModel;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Erasure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Erasure;

/// <summary>
/// <c>DELETE /api/v1/admin/customers/{customerId}?shopId=</c>: the customer's events go, their orders lose the
/// identity and keep the amounts, pending items are indexed first so none slips in afterwards with the old
/// identity, dead letters naming them are deleted, the shop's cached results are purged, and report files that may
/// hold them are deleted (see <see cref="ReportErasure"/>). The audit row names the reports erased.
/// </summary>
internal static class ErasureApi
{
    public static void MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/admin/customers/{customerId}", Erase).WithName("EraseCustomer").WithTags("Privacy")
            .WithSummary("Erases a customer of a shop: events deleted, orders pseudonymised (amounts kept), dead letters deleted, cache purged; lists the report files that may hold them, deleted with deleteReports=true.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Results<Ok<ErasureResult>, ValidationProblem, ProblemHttpResult>> Erase(string customerId, [AsParameters] ShopSelection shop, Indexer indexer, IIngestLog log, IQueryCache cache,
        IAnalyticsStore store, ReportErasure reports, HttpContext http, CancellationToken cancellationToken,
        [Description("true: also delete the listed report files (downloads answer 410) and stop runs still writing. Default false: only list them.")] bool deleteReports = false)
    {
        if (shop.ShopId is null || customerId.Length > ValidationRules.IdLength || !Patterns.IsStorableText(customerId))
        {
            return FieldProblems.Invalid([new(shop.ShopId is null ? "shopId" : "customerId",
                shop.ShopId is null ? "is required: erasure is per shop" : $"must be at most {ValidationRules.IdLength} characters of valid text")], FieldProblems.InvalidQuery);
        }
        while (await indexer.RunOnceAsync(cancellationToken) > 0)
        {
        }
        ErasureCounts counts;
        try
        {
            counts = await store.Erasure.EraseAsync(shop.ShopId, customerId, cancellationToken);
        }
        catch (ErasureIncompleteException ex)
        {
            await cache.PurgeShopAsync(shop.ShopId, cancellationToken); // part of it is done: cached answers may be stale
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Erasure incomplete");
        }
        var deadLetters = await log.PurgeCustomerAsync(shop.ShopId, customerId, cancellationToken);
        await cache.PurgeShopAsync(shop.ShopId, cancellationToken);
        var holding = await reports.ListShopReportsAsync(shop.ShopId, cancellationToken);
        var erased = deleteReports ? await reports.EraseShopReportsAsync(shop.ShopId, cancellationToken) : new ErasedReports([], []);
        http.SetAuditTarget($"customers/{customerId} reports-listed={holding.Count} reports-erased={erased.Erased.Count} reports-cancelled={erased.Cancelled.Count}", shop.ShopId);
        return TypedResults.Ok(new ErasureResult(shop.ShopId, counts.EventsDeleted, counts.OrdersPseudonymised, counts.LinesPseudonymised, deadLetters, counts.Pseudonym,
            holding, erased.Erased, erased.Cancelled));
    }
}

/// <param name="Pseudonym">The random id that now stands for the customer in their orders.</param>
/// <param name="ReportsHoldingShopData">Reports whose files may hold the customer (the shop's and all-shops ones, finished or running), found before any deletion.</param>
/// <param name="ReportsErased">Reports (the shop's and all-shops ones) whose files were deleted; their downloads answer 410.</param>
/// <param name="ReportsCancelled">Report runs that were still writing and were stopped.</param>
public sealed record ErasureResult(string ShopId, long EventsDeleted, long OrdersPseudonymised, long LinesPseudonymised, long DeadLettersDeleted, string Pseudonym,
    IReadOnlyList<Guid> ReportsHoldingShopData, IReadOnlyList<Guid> ReportsErased, IReadOnlyList<Guid> ReportsCancelled);
