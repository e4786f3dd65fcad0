using FoodFast.Analytics.Core.Hosting;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>
/// Applies the service schema and readies the analytics store at start-up, retrying with backoff while
/// a database is unreachable, so the service starts (and reports why it is not ready) instead of crashing.
/// A store that answered but can never be used (<see cref="StoreRefusedException"/>) is not retried: the host stops
/// and <see cref="StartupFailure"/> ends the process with that one line.
/// Work that needs the schema awaits <see cref="Ready"/>.
/// </summary>
public sealed class StorageBootstrapper(
    ServiceDatabase serviceDatabase, IAnalyticsStore store, IHostApplicationLifetime lifetime, ILogger<StorageBootstrapper> logger)
    : BackgroundService, IHealthCheck, IStorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _lastError = "not started";

    public Task Ready => _ready.Task;

    /// <summary>Why the store refused this service, once it has; the process then exits with it.</summary>
    public string? Refusal { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Retry.UntilDoneAsync(async token =>
        {
            await SchemaMigrator.ForServiceDatabase(serviceDatabase.DataSource, logger).MigrateAsync(token);
            try
            {
                await store.EnsureReadyAsync(token);
            }
            catch (StoreRefusedException ex)
            {
                _lastError = Refusal = ex.Message;
                lifetime.StopApplication();
                return;
            }
            _ready.TrySetResult();
            logger.LogInformation("Schema applied; {Backend} analytics store ready", store.Backend);
        },
        TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10),
        (ex, delay) =>
        {
            _lastError = ex.Message;
            logger.LogWarning("Storage not ready, retrying in {Delay}: {Error}", delay, ex.Message);
        },
        stoppingToken);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("schema applied")
            : HealthCheckResult.Unhealthy($"schema not applied yet: {_lastError}"));
}
