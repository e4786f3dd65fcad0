using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FoodFast.Analytics.Reports.Retention;

/// <summary>
/// One retention run over every dataset: each dataset older than its configured days is deleted in batches, each
/// dataset's outcome is recorded in <c>retention_runs</c> (a failing one does not stop the others), and the query
/// cache of every shop that lost analytics rows is purged. A session advisory lock keeps runs from overlapping
/// across instances: a run that finds one in progress answers null. Events and orders are the analytics store's to
/// delete (<see cref="IAnalyticsStore.Retention"/>), unless its lifecycle policy deletes events itself.
/// </summary>
public sealed class RetentionRunner(ServiceTableRetention tables, ReportFilesRetention reports, RetentionRuns runs, ServiceDatabase service,
    IAnalyticsStore store, IQueryCache cache, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionRunner> logger)
{
    public const string ScheduleTrigger = "schedule";
    public const string ManualTrigger = "manual";

    /// <summary>What deletes <paramref name="dataset"/> kept <paramref name="days"/> days, on this store (see <see cref="RetentionEnforcement"/>).</summary>
    public string EnforcedBy(string dataset, int days) =>
        RetentionDatasets.EnforcedBy(dataset, days, eventsByLifecyclePolicy: store.Retention.EventsByLifecyclePolicy);

    public async Task<RetentionRun?> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await service.DataSource.OpenConnectionAsync(cancellationToken);
        if (!await LockAsync(connection, "pg_try_advisory_lock", cancellationToken))
        {
            return null;
        }
        try
        {
            var runId = Guid.CreateVersion7();
            var analyticsShops = new HashSet<string>(StringComparer.Ordinal);
            var records = new List<RetentionRunRecord>();
            foreach (var dataset in RetentionDatasets.All)
            {
                records.Add(await RunDatasetAsync(runId, trigger, dataset, analyticsShops, cancellationToken));
            }
            if (analyticsShops.Count > 0)
            {
                // "*" holds the all-shops results of admins, which included the deleted rows too.
                foreach (var shop in analyticsShops.Append("*"))
                {
                    await cache.PurgeShopAsync(shop, cancellationToken);
                }
            }
            await runs.AddAsync(records, cancellationToken);
            logger.LogInformation("Retention run {RunId} ({Trigger}) deleted {Rows} rows", runId, trigger, records.Sum(r => r.RowsDeleted));
            return new RetentionRun(runId, trigger, records);
        }
        finally
        {
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private async Task<RetentionRunRecord> RunDatasetAsync(Guid runId, string trigger, string dataset, HashSet<string> analyticsShops, CancellationToken cancellationToken)
    {
        var record = new RetentionRunRecord { RunId = runId, Dataset = dataset, Trigger = trigger, StartedAt = Now() };
        var days = options.Value.DaysOf(dataset);
        var enforcedBy = EnforcedBy(dataset, days);
        if (enforcedBy == RetentionEnforcement.None)
        {
            record.Outcome = RetentionOutcome.Kept;
        }
        else if (enforcedBy == RetentionEnforcement.LifecyclePolicy)
        {
            record.Outcome = RetentionOutcome.LifecyclePolicy;
        }
        else
        {
            record.Cutoff = record.StartedAt.AddDays(-days);
            try
            {
                var batch = options.Value.BatchSize;
                var perShop = dataset switch
                {
                    RetentionDatasets.ReportFiles => await reports.DeleteAsync(record.Cutoff.Value, batch, cancellationToken),
                    RetentionDatasets.Events or RetentionDatasets.Orders => await store.Retention.DeleteOlderThanAsync(dataset, record.Cutoff.Value, batch, cancellationToken),
                    _ => await tables.DeleteAsync(dataset, record.Cutoff.Value, batch, cancellationToken),
                };
                record.RowsDeleted = perShop.Values.Sum();
                if (RetentionDatasets.IsAnalytics(dataset))
                {
                    analyticsShops.UnionWith(perShop.Keys);
                }
                record.Outcome = RetentionOutcome.Succeeded;
            }
            catch (Exception ex) when (ex is DependencyFailedException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                logger.LogError(ex, "Retention of {Dataset} failed", dataset);
                record.Outcome = RetentionOutcome.Failed;
                record.Error = ex.Message;
            }
        }
        record.FinishedAt = Now();
        return record;
    }

    private DateTimeOffset Now() => time.GetUtcNow().ToMicroseconds();

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {function}(hashtext('foodfast.retention'))", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>The outcome of one run: one record per dataset, in <see cref="RetentionDatasets.All"/> order.</summary>
public sealed record RetentionRun(Guid RunId, string Trigger, IReadOnlyList<RetentionRunRecord> Datasets);
