using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Postgres;
using FoodFast.Analytics.Postgres.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>
/// Applies the service schema and readies the analytics store at start-up, retrying with backoff while
/// a database is unreachable, so the service starts (and reports why it is not ready) instead of crashing.
/// Work that needs the schema awaits <see cref="Ready"/>.
/// </summary>
public sealed class StorageBootstrapper(ServiceDatabase serviceDatabase, IAnalyticsStore store, ILogger<StorageBootstrapper> logger)
    : BackgroundService, IHealthCheck, IStorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _lastError = "not started";

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await new SchemaMigrator(serviceDatabase.DataSource, SchemaMigrator.ServiceSet, logger).MigrateAsync(stoppingToken);
                await store.EnsureReadyAsync(stoppingToken);
                _ready.TrySetResult();
                logger.LogInformation("Schema applied; {Backend} analytics store ready", store.Backend);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _lastError = ex.Message;
                logger.LogWarning("Storage not ready, retrying in {Delay}: {Error}", delay, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("schema applied")
            : HealthCheckResult.Unhealthy($"schema not applied yet: {_lastError}"));
}
