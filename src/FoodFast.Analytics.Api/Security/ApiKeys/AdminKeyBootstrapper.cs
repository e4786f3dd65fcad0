using FoodFast.Analytics.Api.Hosting;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Security.ApiKeys;

/// <summary>
/// Once the schema is applied, makes sure someone can administer the service: with an empty key table it creates
/// an admin key from <c>Security:AdminApiKey</c>, or generates one and writes it (only it, mode 600) to
/// <c>Security:BootstrapKeyFile</c> for scripts/start.sh to show once. The key itself is never logged.
/// Part of readiness, so a ready instance always has its first key.
/// </summary>
internal sealed class AdminKeyBootstrapper(
    StorageBootstrapper storage, IDbContextFactory<ServiceDbContext> contexts, IOptions<SecurityOptions> options,
    IHostEnvironment environment, TimeProvider time, ILogger<AdminKeyBootstrapper> logger) : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan BootstrapWait = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public string KeyFile => Path.GetFullPath(options.Value.BootstrapKeyFile, environment.ContentRootPath);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await storage.Ready.WaitAsync(stoppingToken);
            while (!_ready.Task.IsCompleted)
            {
                try
                {
                    await BootstrapAsync(stoppingToken);
                    _ready.TrySetResult();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Could not check for the first admin key, retrying in 1 s: {Error}", ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the schema was ready (e.g. the port was taken): nothing to bootstrap.
        }
    }

    private async Task BootstrapAsync(CancellationToken stoppingToken)
    {
        var given = options.Value.AdminApiKey is { Length: > 0 } configured ? configured : null;
        var key = given ?? ApiKeyFormat.Generate();
        var record = new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            Name = given is null ? "bootstrap admin (generated)" : "bootstrap admin (ADMIN_API_KEY)",
            Prefix = ApiKeyFormat.Prefix(key),
            KeyHash = ApiKeyFormat.Hash(key),
            Roles = [Role.Admin.Name()],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = "bootstrap",
        };
        await using var db = await contexts.CreateDbContextAsync(stoppingToken);
        var created = await db.InsertIfNoKeysAsync(record, given is null ? ct => WriteKeyFileAsync(key, ct) : _ => Task.CompletedTask, stoppingToken);
        if (!created)
        {
            logger.LogInformation("API keys exist; no bootstrap admin key created");
        }
        else if (given is null)
        {
            logger.LogWarning("Created the first admin API key {Prefix}...; it was written to {File} (shown once by scripts/start.sh)", record.Prefix, KeyFile);
        }
        else
        {
            logger.LogInformation("Created the first admin API key from Security:AdminApiKey (ADMIN_API_KEY)");
        }
    }

    private async Task WriteKeyFileAsync(string key, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(KeyFile, file))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(key), cancellationToken);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only; an old file keeps its mode unless we set it.
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// Once the schema is applied the first key is a few milliseconds away: a probe in that window waits for it (up to
    /// <see cref="BootstrapWait"/>) rather than answering "not ready" and logging an error on every normal start.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Ready.IsCompleted && storage.Ready.IsCompletedSuccessfully)
        {
            await Task.WhenAny(Ready, Task.Delay(BootstrapWait, cancellationToken));
        }
        return Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("an admin key exists")
            : HealthCheckResult.Unhealthy("the first admin key is not created yet");
    }
}
