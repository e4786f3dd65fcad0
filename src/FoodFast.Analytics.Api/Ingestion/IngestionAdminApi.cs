using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>Operating the pipeline: queue depth and age, throughput, a flush, dead letters and their replay.</summary>
internal static class IngestionAdminApi
{
    public static void MapIngestionAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/ingestion").WithTags("Ingestion admin");
        admin.MapGet("/", GetStatus).WithName("GetIngestionStatus")
            .WithSummary("Ingest log depth, oldest pending age, dead letters, and this instance's throughput.");
        admin.MapPost("/flush", Flush).WithName("FlushIngestion").ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Moves every due item into the store now, then reports what is left.");
        admin.MapGet("/dead-letters", GetDeadLetters).WithName("GetDeadLetters")
            .WithSummary("Items the store refused for good, with the reason, oldest first (page with afterId).");
        admin.MapPost("/dead-letters/replay", Replay).WithName("ReplayDeadLetters")
            .WithSummary("Puts dead letters back into the ingest log (by ids, by shop, or all).");
    }

    public static async Task<IngestionStatus> GetStatus(IIngestLog log, IngestionMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var stats = await log.StatsAsync(cancellationToken);
        var age = stats.OldestPendingAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0;
        return new IngestionStatus(stats.Pending, stats.Retrying, Math.Round(age, 3), stats.DeadLetters, metrics.Snapshot());
    }

    /// <summary>Runs the indexer here until nothing due is left, including entries another indexer holds, up to the wait timeout.</summary>
    public static async Task<Results<Ok<FlushResult>, ProblemHttpResult>> Flush(Indexer indexer, IIngestLog log, Ingestor ingestor, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow().AddSeconds(ingestor.Options.WaitTimeoutSeconds);
        var moved = 0;
        while (true)
        {
            try
            {
                moved += await indexer.RunOnceAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return TypedResults.Problem($"The analytics store did not take the batch ({ex.Message}); the items stay in the ingest log.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Analytics store unavailable");
            }
            var stats = await log.StatsAsync(cancellationToken);
            if (stats.Due == 0 || time.GetUtcNow() >= deadline)
            {
                return TypedResults.Ok(new FlushResult(moved, stats.Pending, stats.DeadLetters));
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ValidationProblem>> GetDeadLetters(IIngestLog log, string? shopId, long? afterId, int? limit, CancellationToken cancellationToken)
    {
        if (shopId is not null && !Patterns.IsShopId(shopId))
        {
            return FieldProblems.Invalid("shopId", $"must be {Patterns.ShopIdExpected}");
        }
        if (limit is < 1 or > 1000)
        {
            return FieldProblems.Invalid("limit", "must be between 1 and 1000");
        }
        return TypedResults.Ok(await log.DeadLettersAsync(shopId, afterId, limit ?? 100, cancellationToken));
    }

    public static async Task<Results<Ok<ReplayResult>, ValidationProblem>> Replay(IIngestLog log, IndexerSignal signal, ReplayRequest? request, CancellationToken cancellationToken)
    {
        if (request?.ShopId is { } shop && !Patterns.IsShopId(shop))
        {
            return FieldProblems.Invalid("shopId", $"must be {Patterns.ShopIdExpected}");
        }
        if (request?.Ids is { Count: > 10_000 })
        {
            return FieldProblems.Invalid("ids", "must hold at most 10000 ids");
        }
        var replayed = await log.ReplayAsync(request?.ShopId, request?.Ids, cancellationToken);
        signal.Kick();
        return TypedResults.Ok(new ReplayResult(replayed));
    }
}

/// <param name="Pending">Items in the ingest log, not yet in the store.</param>
/// <param name="Retrying">Pending items the store has refused at least once (transiently).</param>
/// <param name="OldestPendingAgeSeconds">Age of the oldest pending item; 0 when the log is empty.</param>
/// <param name="DeadLetters">Items parked for good, with their reason.</param>
/// <param name="Instance">This instance's counts since start and rates over the last minute.</param>
public sealed record IngestionStatus(long Pending, long Retrying, double OldestPendingAgeSeconds, long DeadLetters, IngestionThroughput Instance);

public sealed record FlushResult(int Moved, long Pending, long DeadLetters);

/// <summary>Which dead letters to replay: these ids, or every one of a shop, or (both empty) all of them.</summary>
public sealed record ReplayRequest(string? ShopId, IReadOnlyList<long>? Ids);

public sealed record ReplayResult(int Replayed);
